import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MemberProfile } from '~/types/functions/member';
import { MemberAvatar } from '~/src/components/member-avatar';
import { useMemberStore } from '~/src/stores/member';
import { actionErrorText } from '~/src/utils/error-text';

/**
 * The avatar, tapped to change it: WeChat's own avatar chooser (`open-type="chooseAvatar"`) in
 * the weapp, a picture from the album or camera in the browser build. The picture is uploaded
 * to cloud storage and the profile keeps its file id.
 */
export function AvatarPicker({ profile }: { profile: MemberProfile }) {
  const changeAvatar = useMemberStore((s) => s.changeAvatar);
  const saving = useMemberStore((s) => s.saving);

  const adopt = async (filePath: string) => {
    if (!filePath || saving) return;
    const saved = await changeAvatar(filePath);
    if (!saved.ok) {
      void Taro.showToast({ title: actionErrorText(saved), icon: 'none' });
      return;
    }
    void Taro.showToast({
      title: saved.value > 0 ? `资料已完善，获得 ${saved.value} 积分` : '头像已更新',
      icon: saved.value > 0 ? 'none' : 'success',
    });
  };

  const chooseInBrowser = async () => {
    try {
      const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      await adopt(picked.tempFilePaths[0] ?? '');
    } catch {
      // The member closed the picker: nothing changes.
    }
  };

  const face = (
    <View className="avatar-picker__face">
      <MemberAvatar nickname={profile.nickname} avatarUrl={profile.avatarUrl} size="lg" />
      <Text className="avatar-picker__hint">{saving ? '上传中…' : '更换头像'}</Text>
    </View>
  );

  return process.env.TARO_ENV === 'weapp' ? (
    <Button className="avatar-picker avatar-choose" openType="chooseAvatar" onChooseAvatar={(event) => void adopt(event.detail.avatarUrl)}>
      {face}
    </Button>
  ) : (
    <View className="avatar-picker avatar-choose" onClick={() => void chooseInBrowser()}>
      {face}
    </View>
  );
}
