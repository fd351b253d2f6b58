import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Dialog } from '@nutui/nutui-react-taro';
import type { Gender } from '~/types/documents';
import type { MemberProfile } from '~/types/functions/member';
import { useMemberStore } from '~/src/stores/member';
import { actionErrorText } from '~/src/utils/error-text';
import { SettingsRow } from './settings-row';

const GENDERS: { value: Gender; text: string }[] = [
  { value: 'male', text: '男' },
  { value: 'female', text: '女' },
  { value: 'unknown', text: '不透露' },
];

/** The field being edited, what is typed, and why the last save was refused (shown in the dialog). */
type Editing = { field: 'nickname' | 'phone'; value: string; error?: string } | null;

/** Rejected by the dialog's confirm so that NutUI keeps the dialog open (it closes once confirm settles otherwise). */
class KeptOpen extends Error {}

function maskedPhone(phone: string | null): string {
  return phone ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '未填写';
}

/** Nickname, gender and phone, each editable; completing the profile earns a one-time bonus. */
export function BasicInfo({ profile }: { profile: MemberProfile }) {
  const updateProfile = useMemberStore((s) => s.updateProfile);
  const [editing, setEditing] = useState<Editing>(null);

  /** Saves; a refusal is answered as its message (the dialog shows it), a save as null. */
  const save = async (changes: Parameters<typeof updateProfile>[0]): Promise<string | null> => {
    const saved = await updateProfile(changes);
    if (!saved.ok) return actionErrorText(saved);
    void Taro.showToast({
      title: saved.value > 0 ? `资料已完善，获得 ${saved.value} 积分` : '已保存',
      icon: saved.value > 0 ? 'none' : 'success',
    });
    return null;
  };

  /** Why what is typed cannot be saved, checked before sending; null when it can. */
  const problemOf = (field: 'nickname' | 'phone', value: string): string | null => {
    if (field === 'nickname') return value.length === 0 || value.length > 32 ? '昵称需为1-32个字' : null;
    return value !== '' && !/^1[3-9]\d{9}$/.test(value) ? '请输入11位手机号' : null;
  };

  /** Saves what is typed; on a problem or a refusal the dialog stays open with the text and says why. */
  const onConfirm = async () => {
    if (!editing) return;
    const value = editing.value.trim();
    const error =
      problemOf(editing.field, value) ??
      (await save(editing.field === 'nickname' ? { nickname: value } : { phone: value === '' ? null : value }));
    if (error) {
      setEditing((current) => (current ? { ...current, error } : current));
      throw new KeptOpen(error);
    }
    setEditing(null);
  };

  // The weapp's nickname input may fill the value from WeChat without a keystroke; blur reports it too.
  const typed = (value: string) =>
    setEditing((current) => (current && current.value !== value ? { ...current, value, error: undefined } : current));

  const chooseGender = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: GENDERS.map((item) => item.text) });
      const choice = GENDERS[tapIndex];
      if (choice && choice.value !== profile.gender) await save({ gender: choice.value });
    } catch {
      // The member dismissed the sheet.
    }
  };

  return (
    <>
      <View className="profile-list profile-basic">
        <SettingsRow label="会员号" value={profile.memberNo} className="profile-member-no" />
        <SettingsRow
          label="昵称"
          value={profile.nickname}
          className="profile-nickname"
          onClick={() => setEditing({ field: 'nickname', value: profile.nickname })}
        />
        <SettingsRow
          label="性别"
          value={GENDERS.find((item) => item.value === profile.gender)?.text ?? '不透露'}
          className="profile-gender"
          onClick={() => void chooseGender()}
        />
        <SettingsRow
          label="手机号"
          value={maskedPhone(profile.phone)}
          className="profile-phone"
          onClick={() => setEditing({ field: 'phone', value: profile.phone ?? '' })}
        />
      </View>
      <Dialog
        className="profile-edit-dialog"
        visible={editing !== null}
        title={editing?.field === 'phone' ? '修改手机号' : '修改昵称'}
        content={
          <View className="profile-edit">
            {/* WeChat offers the member's own nickname above the keyboard for an input of type nickname. */}
            <Input
              className="profile-edit-input"
              value={editing?.value ?? ''}
              type={editing?.field === 'phone' ? 'number' : 'nickname'}
              maxlength={editing?.field === 'phone' ? 11 : 32}
              placeholder={editing?.field === 'phone' ? '11位手机号，留空则删除' : '1-32个字'}
              onInput={(event) => typed(event.detail.value)}
              onBlur={(event) => typed(event.detail.value)}
            />
            {editing?.error ? <Text className="profile-edit__error profile-edit-error">{editing.error}</Text> : null}
          </View>
        }
        confirmText="保存"
        cancelText="取消"
        onConfirm={onConfirm}
        onCancel={() => setEditing(null)}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
