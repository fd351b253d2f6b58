import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ProfileBonus } from '~/src/components/profile-bonus';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useMemberStore } from '~/src/stores/member';
import { useStaffStore } from '~/src/stores/staff';
import { formatDate } from '~/src/utils/date';
import { errorText } from '~/src/utils/error-text';
import { AvatarPicker } from './avatar-picker';
import { BasicInfo } from './basic-info';
import { BirthdayRow } from './birthday-row';
import { DeleteAccount } from './delete-account';
import { PrivacySection } from './privacy-section';
import { SettingsRow } from './settings-row';
import './index.scss';

/** Member profile and settings: who, tier and points; edit details, birthday once, privacy, deletion. */
export default function ProfilePage() {
  const status = useMemberStore((s) => s.status);
  const profile = useMemberStore((s) => s.profile);
  const error = useMemberStore((s) => s.error);
  const load = useMemberStore((s) => s.load);
  // Staff see the way to their till; a refusal or a failure hides it.
  const staff = useStaffStore((s) => (s.meError === null ? s.me : null));
  const loadMe = useStaffStore((s) => s.loadMe);
  const shownOnce = useRef(false);

  useEffect(() => {
    void load();
    void loadMe();
  }, [load, loadMe]);

  // Back from binding to a store, or after an admin disabled the account: ask again.
  useDidShow(() => {
    if (shownOnce.current) void loadMe();
    shownOnce.current = true;
  });

  usePullDownRefresh(() => {
    void Promise.all([load(), loadMe()]).finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (status === 'member' && profile) {
    content = (
      <>
        <View className="profile-header">
          <AvatarPicker profile={profile} />
          <Text className="profile-header__nickname">{profile.nickname}</Text>
          <Text className="profile-header__tier">{profile.tier.name}</Text>
        </View>

        <View className="profile-points" onClick={() => void Taro.navigateTo({ url: ROUTES.points })}>
          <View className="profile-points__cell">
            <Text className="profile-points__value profile-points-available">{profile.points.available}</Text>
            <Text className="profile-points__label">可用积分</Text>
          </View>
          <View className="profile-points__divider" />
          <View className="profile-points__cell">
            <Text className="profile-points__value profile-points-pending">{profile.points.pending}</Text>
            <Text className="profile-points__label">待入账积分</Text>
          </View>
        </View>

        {staff ? (
          <View className="profile-list profile-staff">
            <SettingsRow
              label="门店工作台"
              value={staff.storeName}
              className="staff-entry"
              onClick={() => void Taro.navigateTo({ url: ROUTES.staffHome })}
            />
          </View>
        ) : null}

        <Text className="profile-section-title">基本资料</Text>
        <ProfileBonus profile={profile} />
        <BasicInfo profile={profile} />
        <View className="profile-list">
          <BirthdayRow profile={profile} />
          <SettingsRow
            label="会员等级"
            value={profile.tier.name}
            className="profile-tier"
            onClick={() => void Taro.navigateTo({ url: ROUTES.memberCentre })}
          />
          <SettingsRow label="入会日期" value={formatDate(profile.joinedAt)} className="profile-joined" />
        </View>

        <Text className="profile-section-title">消息与隐私</Text>
        <PrivacySection profile={profile} />

        <DeleteAccount available={profile.points.available} />
        <Text className="profile-page__note">待入账积分在订单完成且售后期结束后自动转为可用</Text>
        {staff ? null : (
          <Text className="profile-page__staff-link staff-join-link" onClick={() => void Taro.navigateTo({ url: ROUTES.staffJoin })}>
            店员入口
          </Text>
        )}
      </>
    );
  } else if (status === 'guest') {
    content = (
      <StatusPanel
        kind="empty"
        title="你还不是会员"
        text="回到首页一键加入，即可拥有会员卡"
        actionText="去加入"
        onAction={() => void Taro.reLaunch({ url: ROUTES.home })}
      />
    );
  } else if (status === 'error') {
    content = <StatusPanel kind="error" text={errorText(error)} onRetry={() => void load()} />;
  } else {
    content = <StatusPanel kind="loading" text="正在加载会员资料…" />;
  }

  return <View className="profile-page">{content}</View>;
}
