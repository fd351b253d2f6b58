import type { ApiResult } from '~/types/api';
import type { ErrorCode } from '~/types/errors';
import type { AdminResponses } from '~/types/functions/admin';
import type { ActionOf, PayloadOf } from '~/types/functions/index';
import type { MarketingResponses } from '~/types/functions/marketing';
import { isMarketingAction } from '~/types/functions/marketing';

/** What the admin page's two functions answer, by action: `admin`, and `marketing` (tags, segments, campaigns). */
export type ConsoleResponses = AdminResponses & MarketingResponses;
/** Every action the admin page may call. */
export type AdminAction = keyof ConsoleResponses;
/** What a caller sends for one action, without `action`; the token is part of it. */
export type AdminPayload<A extends AdminAction> =
  A extends ActionOf<'marketing'> ? PayloadOf<'marketing', A> : A extends ActionOf<'admin'> ? PayloadOf<'admin', A> : never;

/** The function that answers an action. */
export function functionOf(action: AdminAction): 'admin' | 'marketing' {
  return isMarketingAction(action) ? 'marketing' : 'admin';
}

/** Codes the client adds for failures that never reached a cloud function's envelope. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** A failed call: the server's stable error code, or a client-side one for transport failures. */
export class AdminApiError extends Error {
  readonly code: ClientErrorCode;
  /** The server's machine-readable extras, e.g. `retryAfterMs` of TOO_MANY_ATTEMPTS. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ClientErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AdminApiError';
    this.code = code;
    this.details = details;
  }
}

/** Per-call options; `signal` cancels a request whose answer is no longer wanted. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Typed access to the `admin` and `marketing` cloud functions. */
export interface AdminClient {
  call<A extends AdminAction>(action: A, payload: AdminPayload<A>, options?: CallOptions): Promise<ConsoleResponses[A]>;
}

/** Where and how the client sends its requests; tests pass their own `fetchImpl`. */
export interface AdminClientOptions {
  /** Gateway route of the functions, `/fn/` by default; same origin as the page. */
  endpointBase?: string;
  fetchImpl?: typeof fetch;
}

function isEnvelope(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'data' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

/** Creates a client that sends every call as `POST /fn/<function>` with body `{ action, ...payload }`. */
export function createAdminClient(options: AdminClientOptions = {}): AdminClient {
  const endpointBase = options.endpointBase ?? '/fn/';
  const fetchImpl = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  return {
    async call<A extends AdminAction>(action: A, payload: AdminPayload<A>, callOptions?: CallOptions): Promise<ConsoleResponses[A]> {
      let response: Response;
      try {
        response = await fetchImpl(`${endpointBase}${functionOf(action)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ action, ...payload }),
          signal: callOptions?.signal,
        });
      } catch (cause) {
        if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
        throw new AdminApiError('NETWORK_ERROR', cause instanceof Error ? cause.message : String(cause));
      }

      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new AdminApiError('BAD_RESPONSE', `HTTP ${response.status}: response is not JSON`);
      }
      if (!isEnvelope(body)) {
        throw new AdminApiError('BAD_RESPONSE', `HTTP ${response.status}: unexpected response shape`);
      }
      if (!body.ok) {
        const { details } = body.error;
        throw new AdminApiError(body.error.code, body.error.message, typeof details === 'object' && details !== null ? details : {});
      }
      return body.data as ConsoleResponses[A];
    },
  };
}
