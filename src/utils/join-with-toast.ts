import Taro from '@tarojs/taro';
import { useMemberStore } from '../stores/member';

/**
 * The one-tap join of a guest: a new member with gifts meets the welcome sheet (`WelcomeSheet`,
 * shown by the page); otherwise a toast says 加入成功, or 欢迎回来 for one who had joined.
 */
export async function joinWithToast(): Promise<boolean> {
  const joined = await useMemberStore.getState().join();
  if (!joined.ok) return false;
  if (!useMemberStore.getState().welcome) void Taro.showToast({ title: joined.value.created ? '加入成功' : '欢迎回来', icon: 'success' });
  return true;
}
