import type { CloudError } from '../services/cloud';

const MESSAGES: Partial<Record<CloudError['code'], string>> = {
  NETWORK: '网络连接不太稳定，请检查网络后重试',
  UNAUTHENTICATED: '登录状态已失效，请重新进入小程序',
  SESSION_EXPIRED: '登录状态已失效，请重新进入小程序',
  FORBIDDEN: '暂无权限进行此操作',
  NOT_A_MEMBER: '你还不是会员，加入后即可查看',
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  CONFLICT: '操作太频繁了，请稍后再试',
};

/** The Chinese sentence shown to a shopper for a failed call. */
export function errorText(error: Pick<CloudError, 'code'> | null | undefined): string {
  if (!error) return '出了点小问题，请稍后重试';
  return MESSAGES[error.code] ?? '服务开了个小差，请稍后重试';
}
