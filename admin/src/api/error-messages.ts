import { MINUTE_MS, SECOND_MS } from '~/core/calendar/durations';
import { AdminApiError } from './client';

const SESSION_LOST_MESSAGES: Partial<Record<string, string>> = {
  UNAUTHENTICATED: '登录状态已失效，请重新登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
};

const MESSAGES: Partial<Record<string, string>> = {
  ...SESSION_LOST_MESSAGES,
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已锁定15分钟，请稍后再试',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '请求的数据不存在',
  CONFLICT: '数据已被修改，请刷新后重试',
  INVALID_STATE: '当前状态下不能执行此操作，请刷新后重试',
  PRICE_CHANGED: '价格已变化，请刷新后重试',
  PAYMENT_FAILED: '微信支付处理失败，请稍后重试',
  OUT_OF_STOCK: '库存不足',
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
  BAD_RESPONSE: '服务器返回了无法识别的响应，请稍后重试',
};

/** Server messages written for people are in Chinese; messages for developers are not. */
const CHINESE = /[\u4e00-\u9fff]/;
/** A validation message names its field first (`storeId: 门店经理需要指定门店`); people need only the rest. */
const FIELD_PREFIX = /^[A-Za-z][\w.]*: /;

/**
 * 尝试次数过多，请 N 秒后再试 (under a minute) or N 分钟后再试, from the wait the server gives with
 * TOO_MANY_ATTEMPTS, rounded up; null for any other error.
 */
function tooManyAttemptsMessage(error: AdminApiError): string | null {
  if (error.code !== 'TOO_MANY_ATTEMPTS') return null;
  const wait = error.details.retryAfterMs;
  if (typeof wait !== 'number' || !Number.isFinite(wait) || wait <= 0) return MESSAGES.TOO_MANY_ATTEMPTS ?? null;
  if (wait < MINUTE_MS) return `尝试次数过多，请 ${Math.ceil(wait / SECOND_MS)} 秒后再试`;
  return `尝试次数过多，请 ${Math.ceil(wait / MINUTE_MS)} 分钟后再试`;
}

/** The message to show when a session ends because of this error, or null if the session is still good. */
export function sessionLostMessage(error: unknown): string | null {
  if (!(error instanceof AdminApiError)) return null;
  return SESSION_LOST_MESSAGES[error.code] ?? null;
}

/** A Simplified Chinese message for any error thrown by a call, with the code for support. */
export function describeError(error: unknown): string {
  if (error instanceof AdminApiError) {
    return tooManyAttemptsMessage(error) ?? MESSAGES[error.code] ?? `服务器出错，请稍后重试（${error.code}）`;
  }
  return '出现未知错误，请稍后重试';
}

/** The message for a refused action: the server's own Chinese explanation when it gave one, e.g. 提货码无效. */
export function describeActionError(error: unknown): string {
  if (
    error instanceof AdminApiError &&
    sessionLostMessage(error) === null &&
    tooManyAttemptsMessage(error) === null &&
    CHINESE.test(error.message)
  ) {
    return error.message.replace(FIELD_PREFIX, '');
  }
  return describeError(error);
}
