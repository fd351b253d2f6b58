import type { ClientErrorCode } from '../services/cloud';
import { CloudError } from '../services/cloud';

/** Codes for failures the client decides itself: something still to fill in, or the member backed out. */
export type LocalFailureCode = 'NEEDS_INPUT' | 'CANCELLED';

/** Why a store action did not succeed: the code of the CloudError behind it, or a local one. */
export type FailureCode = ClientErrorCode | LocalFailureCode;

/** A failed store action: `code` and `message` are the CloudError's when one refused it, and `error` is null when none did. */
export interface Failure {
  ok: false;
  code: FailureCode;
  message: string;
  error: CloudError | null;
}

/** How every store action that calls the cloud answers a page: its value, or a failure. */
export type Outcome<T> = { ok: true; value: T } | Failure;

/** Any thrown value as a CloudError, so every page shows one kind of error. */
export function toCloudError(err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  return new CloudError('INTERNAL', err instanceof Error ? err.message : String(err));
}

/** A successful outcome carrying its value. */
export function succeeded<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A failure from anything thrown, carrying it as a CloudError with its code and message. */
export function failed(err: unknown): Failure {
  const error = toCloudError(err);
  return { ok: false, code: error.code, message: error.message, error };
}

/** A failure decided on the client, with no CloudError behind it. */
export function refused(code: FailureCode, message: string): Failure {
  return { ok: false, code, message, error: null };
}

/** Runs a cloud call and answers its value, or what it threw as a failure. */
export async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return succeeded(await call());
  } catch (err) {
    return failed(err);
  }
}
