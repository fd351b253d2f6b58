import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DatePicker, Dialog } from '@nutui/nutui-react-taro';
import type { MemberProfile } from '~/types/functions/member';
import { useMemberStore } from '~/src/stores/member';
import { actionErrorText } from '~/src/utils/error-text';
import { SettingsRow } from './settings-row';

function birthdayText(birthday: string): string {
  const [y, m, d] = birthday.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function pad(value: number | string): string {
  return String(value).padStart(2, '0');
}

/** The birthday, which a member sets once: a picker, then a confirmation that says it cannot be changed. */
export function BirthdayRow({ profile }: { profile: MemberProfile }) {
  const setBirthday = useMemberStore((s) => s.setBirthday);
  const saving = useMemberStore((s) => s.saving);
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);

  const onConfirm = async () => {
    if (!chosen) return;
    const saved = await setBirthday(chosen);
    setChosen(null);
    if (!saved.ok) {
      void Taro.showToast({ title: actionErrorText(saved), icon: 'none' });
      return;
    }
    void Taro.showToast({ title: saved.value > 0 ? `生日已设置，获得 ${saved.value} 积分` : '生日已设置', icon: 'none' });
  };

  if (!profile.birthdayEditable) {
    return (
      <View className="profile-birthday">
        <SettingsRow label="生日" value={profile.birthday ? birthdayText(profile.birthday) : '未设置'} className="profile-birthday-row" />
        <Text className="profile-row-note">生日设置后不可修改，如需更正请联系客服</Text>
      </View>
    );
  }

  return (
    <View className="profile-birthday">
      <SettingsRow
        label="生日"
        value={profile.birthday ? birthdayText(profile.birthday) : '去设置'}
        className="profile-birthday-row"
        onClick={() => setPicking(true)}
      />
      <Text className="profile-row-note">生日月可领取生日礼券；生日只能设置一次，设置后不可修改</Text>
      <DatePicker
        title="选择生日"
        visible={picking}
        type="date"
        showChinese
        defaultValue={new Date(2000, 0, 1)}
        startDate={new Date(1920, 0, 1)}
        endDate={new Date()}
        onClose={() => setPicking(false)}
        onCancel={() => setPicking(false)}
        onConfirm={(_options, values) => {
          const [y, m, d] = values;
          setPicking(false);
          setChosen(`${y}-${pad(m ?? 1)}-${pad(d ?? 1)}`);
        }}
      />
      <Dialog
        className="birthday-confirm"
        visible={chosen !== null}
        title="确认生日"
        content={chosen ? `生日将设置为 ${birthdayText(chosen)}。生日设置后不可修改，请确认无误。` : ''}
        confirmText={saving ? '正在保存…' : '确认设置'}
        disableConfirmButton={saving}
        cancelText="重新选择"
        onConfirm={() => void onConfirm()}
        onCancel={() => setChosen(null)}
        onClose={() => setChosen(null)}
      />
    </View>
  );
}
