/** An error answered to the SDK as `{ code, message }`; the SDK turns it into errCode/errMsg. */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const conflict = (detail: string) => new ProtocolError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${detail}`);

export const badRequest = (detail: string) => new ProtocolError('INVALID_PARAM', detail);

/** The platform's answer where the emulator refuses something WeChat cloud refuses too. */
export const unsupported = (detail: string) => new ProtocolError('DATABASE_REQUEST_FAILED', `[local-cloud] ${detail}`);
