import type { ErrorCode } from '~/types/errors';

/** A request that breaks a programme rule (not enough points, out of stock, …): the caller is told the code. */
export class RuleError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}
