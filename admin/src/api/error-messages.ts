import { AdminApiError } from './client';

const SESSION_LOST_MESSAGES: Partial<Record<string, string>> = {
  UNAUTHENTICATED: '登录状态已失效，请重新登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
};

const MESSAGES: Partial<Record<string, string>> = {
  ...SESSION_LOST_MESSAGES,
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已锁定15分钟，请稍后再试',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '请求的数据不存在',
  CONFLICT: '数据已被修改，请刷新后重试',
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
  BAD_RESPONSE: '服务器返回了无法识别的响应，请稍后重试',
};

/** The message to show when a session ends because of this error, or null if the session is still good. */
export function sessionLostMessage(error: unknown): string | null {
  if (!(error instanceof AdminApiError)) return null;
  return SESSION_LOST_MESSAGES[error.code] ?? null;
}

/** A Simplified Chinese message for any error thrown by a call, with the code for support. */
export function describeError(error: unknown): string {
  if (error instanceof AdminApiError) {
    return MESSAGES[error.code] ?? `服务器出错，请稍后重试（${error.code}）`;
  }
  return '出现未知错误，请稍后重试';
}
