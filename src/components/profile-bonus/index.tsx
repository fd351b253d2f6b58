import { Text, View } from '@tarojs/components';
import type { MemberProfile, ProfileField } from '~/types/functions/member';
import './index.scss';

const FIELD_TEXT: Record<ProfileField, string> = { nickname: '昵称', avatar: '头像', gender: '性别', birthday: '生日' };

/** The advert for the one-time profile bonus, with what is still missing; nothing once it is earned. */
export function ProfileBonus({ profile, onOpen }: { profile: MemberProfile; onOpen?: () => void }) {
  const bonus = profile.profileBonus;
  if (!bonus) return null;
  return (
    <View className="profile-bonus" onClick={onOpen}>
      <Text className="profile-bonus__title">完善资料送{bonus.points}积分</Text>
      <Text className="profile-bonus__missing">
        还差{bonus.missing.map((field) => FIELD_TEXT[field]).join('、')}
        {onOpen ? ' ›' : ''}
      </Text>
    </View>
  );
}
