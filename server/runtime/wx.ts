import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApiResult } from '~/types/api';
import type { ActionOf, FunctionContracts, FunctionName, ResponseOf } from '~/types/functions';
import { wxContext } from '../db/cloud';
import type { Database } from '../db/database';
import { database } from '../db/database';
import { CodedError, hasCode } from '~/core/coded-error';

/** What every route gets besides its validated input. */
export interface RequestContext {
  /** The caller's OPENID when a mini-program user called; never taken from the payload. */
  openid?: string;
  /** TCB_SOURCE: wx_client, wx_http, wx_trigger, wx_paycallback, or a chain ending in scf. */
  source: string;
  /** The invocation's clock reading, taken once. */
  now: number;
  db: Database;
  /** The caller's address, where the platform reports one (the HTTP access service, mini-program calls). */
  clientIp?: string;
  /** Names this invocation in the audit log. */
  requestId?: string;
}

type Requests<F extends FunctionName> = FunctionContracts[F]['requests'];

/** One handler per action: validated input in, the action's response out. */
export type Routes<F extends FunctionName> = {
  [A in ActionOf<F>]: (
    input: Requests<F>[A] extends z.ZodType ? z.output<Requests<F>[A]> : never,
    ctx: RequestContext,
  ) => Promise<ResponseOf<F, A>>;
};

/** Turns the first zod issue into a readable message naming the field. */
function describeIssue(error: z.ZodError): { message: string; field: string } {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || '(request)';
  return { message: `${field}: ${issue?.message ?? 'invalid'}`, field };
}

/**
 * The admin page reaches its function through the HTTP access service in production, which
 * wraps the request as `{ httpMethod, body, isBase64Encoded, … }`; every other caller sends
 * the request itself. Answers the request either way (JSON objects are returned as JSON).
 */
export function requestOf(event: unknown): unknown {
  const http = event as { httpMethod?: unknown; body?: unknown; isBase64Encoded?: boolean } | null;
  if (!http || typeof http.httpMethod !== 'string') return event;
  if (typeof http.body !== 'string' || http.body === '') return {};
  const text = http.isBase64Encoded ? Buffer.from(http.body, 'base64').toString('utf8') : http.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new CodedError('VALIDATION_FAILED', 'body must be JSON');
  }
}

/**
 * Builds a cloud function's `main`: reads `action`, validates the payload with the shared
 * schema, runs the route, and answers the `{ ok, data | error }` envelope. Bad input gets
 * VALIDATION_FAILED or UNKNOWN_ACTION before any route code runs, so it changes nothing.
 */
export function createWxHandler<F extends FunctionName>(requests: Requests<F>, routes: Routes<F>) {
  const schemas = requests as Record<string, z.ZodType>;
  const handlers = routes as Record<string, (input: unknown, ctx: RequestContext) => Promise<unknown>>;
  let db: Database | undefined;

  return async function main(event: unknown): Promise<ApiResult<unknown>> {
    try {
      const request = requestOf(event);
      const action = (request as { action?: unknown } | null)?.action;
      if (typeof action !== 'string' || !Object.hasOwn(schemas, action)) {
        throw new CodedError('UNKNOWN_ACTION', `unknown action: ${typeof action === 'string' ? action : '(missing)'}`);
      }
      // wx.cloud.callFunction adds `userInfo` to every event; identity is read from getWXContext instead.
      const { userInfo: _platformAdded, ...payload } = request as Record<string, unknown>;
      const parsed = (schemas[action] as z.ZodType).safeParse(payload);
      if (!parsed.success) {
        const { message, field } = describeIssue(parsed.error);
        throw new CodedError('VALIDATION_FAILED', message, { field });
      }
      db ??= database();
      const { openid, source, clientIp } = wxContext();
      const ctx: RequestContext = { openid, source, clientIp, now: Date.now(), db, requestId: randomUUID() };
      const data = await (handlers[action] as (input: unknown, ctx: RequestContext) => Promise<unknown>)(parsed.data, ctx);
      return { ok: true, data };
    } catch (error) {
      if (hasCode(error)) return { ok: false, error: error.toApi() };
      console.error('[internal]', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } };
    }
  };
}

/** The caller must be a mini-program user; answers their OPENID. */
export function requireOpenid(ctx: RequestContext): string {
  if (!ctx.openid) throw new CodedError('UNAUTHENTICATED', 'this action needs a signed-in WeChat user');
  return ctx.openid;
}
