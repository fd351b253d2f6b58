import type { ApiError, ErrorCode } from '~/types/errors';

/**
 * A failure the caller is told about, with a stable code: a broken programme rule (not enough
 * points, out of stock, …) or a refused request. Anything else a function throws is INTERNAL.
 */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CodedError';
  }

  /** The error as a function answers it. */
  toApi(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Whether `error` is a coded error, and (when codes are given) one of those codes. */
export function hasCode(error: unknown, ...codes: ErrorCode[]): error is CodedError {
  return error instanceof CodedError && (codes.length === 0 || codes.includes(error.code));
}
