/** Stable error codes returned by every cloud function as `error.code`. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_A_MEMBER',
  'INVALID_CREDENTIALS',
  'SESSION_EXPIRED',
  'BOOTSTRAP_CLOSED',
  'BOOTSTRAP_NOT_CONFIGURED',
  'NOT_A_TIMER',
  'CONFLICT',
  'INSUFFICIENT_POINTS',
  'NEGATIVE_BALANCE',
  'ALREADY_CHECKED_IN',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'NOT_ELIGIBLE',
  'NOT_AVAILABLE',
  'INVALID_STATE',
  'BIRTHDAY_LOCKED',
  'ACCOUNT_LOCKED',
  'PRICE_CHANGED',
  'PAYMENT_FAILED',
  'CODE_MALFORMED',
  'CODE_FORGED',
  'CODE_EXPIRED',
  'CODE_USED',
  'CODE_OTHER_ENV',
  'TOO_MANY_ATTEMPTS',
  'NOT_STAFF',
  'STAFF_DISABLED',
  'TILL_SESSION_EXPIRED',
  'ALREADY_HANDED_OVER',
  'PASSWORD_CHANGE_REQUIRED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras, e.g. the failing field of a validation error. */
  details?: Record<string, unknown>;
}
