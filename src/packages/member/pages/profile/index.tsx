import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MemberAvatar } from '../../../../components/member-avatar';
import { StatusPanel } from '../../../../components/status-panel';
import { ROUTES } from '../../../../routes';
import { useMemberStore } from '../../../../stores/member';
import { formatDate } from '../../../../utils/date';
import { errorText } from '../../../../utils/error-text';
import './index.scss';

interface RowProps {
  label: string;
  value: string | number;
  className: string;
}

function Row({ label, value, className }: RowProps) {
  return (
    <View className={`profile-row ${className}`}>
      <Text className='profile-row__label'>{label}</Text>
      <Text className='profile-row__value'>{value}</Text>
    </View>
  );
}

/** Member profile: number, nickname, tier, points and the date of joining. */
export default function ProfilePage() {
  const status = useMemberStore((s) => s.status);
  const profile = useMemberStore((s) => s.profile);
  const error = useMemberStore((s) => s.error);
  const load = useMemberStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  let content;
  if (status === 'member' && profile) {
    content = (
      <>
        <View className='profile-header'>
          <MemberAvatar nickname={profile.nickname} avatarUrl={profile.avatarUrl} size='lg' />
          <Text className='profile-header__nickname'>{profile.nickname}</Text>
          <Text className='profile-header__tier'>{profile.tier.name}</Text>
        </View>

        <View className='profile-points'>
          <View className='profile-points__cell'>
            <Text className='profile-points__value profile-points-available'>{profile.points.available}</Text>
            <Text className='profile-points__label'>可用积分</Text>
          </View>
          <View className='profile-points__divider' />
          <View className='profile-points__cell'>
            <Text className='profile-points__value profile-points-pending'>{profile.points.pending}</Text>
            <Text className='profile-points__label'>待入账积分</Text>
          </View>
        </View>

        <View className='profile-list'>
          <Row label='会员号' value={profile.memberNo} className='profile-member-no' />
          <Row label='昵称' value={profile.nickname} className='profile-nickname' />
          <Row label='会员等级' value={profile.tier.name} className='profile-tier' />
          <Row label='入会日期' value={formatDate(profile.joinedAt)} className='profile-joined' />
        </View>

        <Text className='profile-page__note'>待入账积分在订单完成且售后期结束后自动转为可用</Text>
      </>
    );
  } else if (status === 'guest') {
    content = (
      <StatusPanel
        kind='empty'
        title='你还不是会员'
        text='回到首页一键加入，即可拥有会员卡'
        actionText='去加入'
        onAction={() => void Taro.reLaunch({ url: ROUTES.home })}
      />
    );
  } else if (status === 'error') {
    content = <StatusPanel kind='error' text={errorText(error)} onRetry={() => void load()} />;
  } else {
    content = <StatusPanel kind='loading' text='正在加载会员资料…' />;
  }

  return <View className='profile-page'>{content}</View>;
}
