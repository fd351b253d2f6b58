import { Text, View } from '@tarojs/components';
import type { MemberProfile } from '~/types/functions/member';
import { ROUTES } from '../../routes';
import { MemberAvatar } from '../member-avatar';
import './index.scss';

interface MemberCardProps {
  profile: MemberProfile;
  /** Opens a page: each figure on the card opens the page it stands for. */
  onOpen: (url: string) => void;
}

/** The member card on the home page: who, which tier, how many points, which number — each opening its page. */
export function MemberCard({ profile, onOpen }: MemberCardProps) {
  return (
    <View className="member-card">
      <View className="member-card__shine" />
      <View className="member-card__head">
        <MemberAvatar nickname={profile.nickname} avatarUrl={profile.avatarUrl} />
        <View className="member-card__identity">
          <Text className="member-card__nickname member-nickname">{profile.nickname}</Text>
          <Text className="member-card__tier member-tier" onClick={() => onOpen(ROUTES.memberCentre)}>
            {profile.tier.name}
          </Text>
        </View>
        <Text className="member-card__brand">悦享会员</Text>
      </View>

      <View className="member-card__points member-points-link" onClick={() => onOpen(ROUTES.points)}>
        <Text className="member-card__label">可用积分</Text>
        <Text className="member-card__points-value member-points">{profile.points.available}</Text>
      </View>

      <View className="member-card__foot">
        <View className="member-card__number member-code-link" onClick={() => onOpen(ROUTES.memberCode)}>
          <Text className="member-card__label">会员号</Text>
          <Text className="member-card__number-value member-no">{profile.memberNo}</Text>
        </View>
        <View className="member-card__link profile-link" onClick={() => onOpen(ROUTES.memberProfile)}>
          <Text>查看会员资料</Text>
          <Text className="member-card__link-arrow">›</Text>
        </View>
      </View>
    </View>
  );
}
