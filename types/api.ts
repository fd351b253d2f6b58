import type { ApiError } from './errors';

/** The envelope every cloud function answers with. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
