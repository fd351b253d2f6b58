import Taro from '@tarojs/taro';
import type { ApiResult } from '~/types/api';
import type { ErrorCode } from '~/types/errors';
import type { ActionOf, FunctionName, PayloadOf, ResponseOf } from '~/types/functions';

/** Error codes a caller can see: the server's stable codes plus the client-only `NETWORK`. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** A cloud function answered `ok: false`, or the call never got an answer (`NETWORK`). */
export class CloudError extends Error {
  readonly code: ClientErrorCode;
  /** The server's machine-readable extras, e.g. the new breakdown of a PRICE_CHANGED refusal. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ClientErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CloudError';
    this.code = code;
    this.details = details;
    // Subclassing Error loses the prototype once compiled down to ES5 for the weapp target.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Whether a thrown value is a CloudError, optionally with a given code. */
export function isCloudError(value: unknown, code?: ClientErrorCode): value is CloudError {
  return value instanceof CloudError && (code === undefined || value.code === code);
}

/** Calls one action of a cloud function and returns its `data`, or throws a CloudError. */
export function callFunction<F extends FunctionName, A extends ActionOf<F>>(
  name: F,
  action: A,
  payload: PayloadOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const body = { ...(payload as object), action };
  // A plain conditional (not inside an async body) lets the minifier drop the other platform.
  const reply = process.env.TARO_ENV === 'h5' ? callOverHttp(name, body) : callOverWxCloud(name, body);
  return reply.then((envelope) => unwrap<ResponseOf<F, A>>(envelope));
}

function unwrap<T>(envelope: unknown): T {
  if (!isEnvelope(envelope)) {
    throw new CloudError('NETWORK', 'The cloud function answered with an unexpected shape.');
  }
  if (envelope.ok) return envelope.data as T;
  throw new CloudError(envelope.error.code, envelope.error.message, envelope.error.details);
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error as { code?: unknown; message?: unknown } | null;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function callOverWxCloud(name: string, data: Record<string, unknown>): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return res.result;
  } catch (err) {
    throw new CloudError('NETWORK', describeFailure(err));
  }
}

async function callOverHttp(name: string, data: Record<string, unknown>): Promise<unknown> {
  await ensureDevSession();
  const res = await request(`/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  try {
    return await res.json();
  } catch {
    throw new CloudError('NETWORK', `The gateway answered HTTP ${res.status} without a JSON body.`);
  }
}

const IMAGE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/**
 * Uploads a picture the member chose (a temporary file path) to cloud storage under `folder`,
 * and answers its file id (`cloud://…`), which profile fields store. The weapp uploads with
 * `wx.cloud.uploadFile`; the browser build posts to the local cloud's stand-in for it.
 */
export async function uploadImage(filePath: string, folder: string): Promise<string> {
  const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  if (process.env.TARO_ENV !== 'h5') {
    const extension = /\.(png|jpe?g|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${name}.${extension}`, filePath });
      return res.fileID;
    } catch (err) {
      throw new CloudError('NETWORK', describeFailure(err));
    }
  }
  await ensureDevSession();
  const picture = await (await request(filePath, { method: 'GET' })).blob();
  const extension = IMAGE_EXTENSIONS[picture.type];
  if (!extension) throw new CloudError('VALIDATION_FAILED', '请选择 PNG、JPG 或 WebP 格式的图片');
  const res = await request(`/storage/upload?path=${encodeURIComponent(`${folder}/${name}.${extension}`)}`, {
    method: 'POST',
    headers: { 'content-type': picture.type },
    body: picture,
  });
  if (res.status === 413) throw new CloudError('VALIDATION_FAILED', '图片太大，请选择 2MB 以内的图片');
  if (!res.ok) throw new CloudError('NETWORK', `上传失败（HTTP ${res.status}）`);
  return ((await res.json()) as { fileID: string }).fileID;
}

/**
 * The address to show a stored picture at: the weapp shows `cloud://` file ids itself; the
 * browser build reads them from the local cloud's storage.
 */
export function displayUrl(url: string): string {
  if (process.env.TARO_ENV !== 'h5' || !url.startsWith('cloud://')) return url;
  const path = url.slice('cloud://'.length).split('/').slice(1).join('/');
  return `/storage/file/${path}`;
}

let devSession: Promise<void> | null = null;

/**
 * The local gateway maps a browser session cookie to an OPENID; make sure one exists before
 * the first call. Memoised, and forgotten on failure so that a retry tries again.
 */
function ensureDevSession(): Promise<void> {
  devSession ??= (async () => {
    const session = await requestJson<{ openid: string | null }>('/dev/session', { method: 'GET' });
    if (session.openid === null) {
      await requestJson<{ openid: string }>('/dev/login', { method: 'POST' });
    }
  })().catch((err: unknown) => {
    devSession = null;
    throw err;
  });
  return devSession;
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (err) {
    throw new CloudError('NETWORK', describeFailure(err));
  }
}

async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
  const res = await request(url, init);
  if (!res.ok) throw new CloudError('NETWORK', `${init.method ?? 'GET'} ${url} answered HTTP ${res.status}.`);
  try {
    return (await res.json()) as T;
  } catch {
    throw new CloudError('NETWORK', `${init.method ?? 'GET'} ${url} answered without a JSON body.`);
  }
}

function describeFailure(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && 'errMsg' in err) return String(err.errMsg);
  return String(err);
}

/** Forgets the memoised H5 dev session; for tests. */
export function resetDevSession(): void {
  devSession = null;
}
