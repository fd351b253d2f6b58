import { AdminApiError } from './client';
import type { ClientErrorCode } from './client';
import { describeError, sessionLostMessage } from './error-messages';

/** Why an admin call failed, ready to show. */
export interface Failure {
  /** The server's stable code or the client's transport code; null for an error that is neither. */
  code: ClientErrorCode | null;
  /** Simplified Chinese, for the page, or for the login screen when `sessionLost`. */
  message: string;
  /** The server no longer accepts the session: the admin goes back to the login screen. */
  sessionLost: boolean;
  /** The server's machine-readable extras, when it sent any. */
  details?: Record<string, unknown>;
}

/** How an admin call ended: its answer, or why it failed. Every admin action answers this shape. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * Runs one call and answers its outcome instead of throwing. `describe` words a failure that is
 * not a lost session (lists use the generic messages, actions prefer the server's own words).
 */
export async function outcomeOf<T>(call: () => Promise<T>, describe: (error: unknown) => string = describeError): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (cause) {
    const lost = sessionLostMessage(cause);
    const details = cause instanceof AdminApiError ? cause.details : undefined;
    return {
      ok: false,
      failure: {
        code: cause instanceof AdminApiError ? cause.code : null,
        message: lost ?? describe(cause),
        sessionLost: lost !== null,
        ...(details && Object.keys(details).length > 0 ? { details } : {}),
      },
    };
  }
}
