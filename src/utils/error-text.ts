import type { Failure, FailureCode } from '../stores/outcome';

const MESSAGES: Partial<Record<FailureCode, string>> = {
  NETWORK: '网络连接不太稳定，请检查网络后重试',
  UNAUTHENTICATED: '登录状态已失效，请重新进入小程序',
  SESSION_EXPIRED: '登录状态已失效，请重新进入小程序',
  FORBIDDEN: '暂无权限进行此操作',
  NOT_A_MEMBER: '你还不是会员，加入后即可查看',
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  CONFLICT: '操作太频繁了，请稍后再试',
  NOT_FOUND: '内容不存在或已下架',
  INSUFFICIENT_POINTS: '积分不足',
  NEGATIVE_BALANCE: '积分余额为负，暂不能使用积分',
  ALREADY_CHECKED_IN: '今天已经签到过了',
  OUT_OF_STOCK: '已经被抢光了',
  LIMIT_REACHED: '已达领取上限',
  NOT_ELIGIBLE: '暂不符合条件',
  NOT_AVAILABLE: '暂不可用',
  INVALID_STATE: '当前状态下无法进行此操作',
  BIRTHDAY_LOCKED: '生日设置后不可修改，如需更正请联系客服',
  CODE_MALFORMED: '请输入20位会员码',
  CODE_FORGED: '会员码无效',
  CODE_EXPIRED: '会员码已过期，请让会员刷新后重新出示',
  CODE_USED: '该会员码已使用，请让会员刷新后重新出示',
  CODE_OTHER_ENV: '不是本商城的会员码',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
  NOT_STAFF: '你还不是店员，请先用邀请码绑定门店',
  STAFF_DISABLED: '店员账号已停用',
  TILL_SESSION_EXPIRED: '会员码已超时，请重新扫码',
  ALREADY_HANDED_OVER: '已经交付过了，请勿重复交付',
};

/** Server messages written for members are in Chinese; messages for developers are not. */
const CHINESE = /[\u4e00-\u9fff]/;

/** The Chinese sentence shown to a shopper for a failed call. */
export function errorText(error: Pick<Failure, 'code'> | null | undefined): string {
  if (!error) return '出了点小问题，请稍后重试';
  return MESSAGES[error.code] ?? '服务开了个小差，请稍后重试';
}

/** The sentence for a refused action: the server's own Chinese explanation when it gave one. */
export function actionErrorText(error: Pick<Failure, 'code' | 'message'> | null | undefined): string {
  if (error && CHINESE.test(error.message)) return error.message;
  return errorText(error);
}
