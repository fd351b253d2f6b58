import Taro from '@tarojs/taro';
import { useMemberStore } from '../stores/member';

/** The one-tap join of a guest, greeted with a toast: 加入成功 for a new member, 欢迎回来 for one who had joined. */
export async function joinWithToast(): Promise<void> {
  const joined = await useMemberStore.getState().join();
  if (joined.ok) void Taro.showToast({ title: joined.value.created ? '加入成功' : '欢迎回来', icon: 'success' });
}
