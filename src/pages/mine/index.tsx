import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { MemberCounts, MemberProfile } from '~/types/functions/member';
import { MemberAvatar } from '~/src/components/member-avatar';
import { ProfileBonus } from '~/src/components/profile-bonus';
import { StatusPanel } from '~/src/components/status-panel';
import { WelcomeSheet } from '~/src/components/welcome-sheet';
import { ROUTES } from '~/src/routes';
import { useMemberStore } from '~/src/stores/member';
import { errorText } from '~/src/utils/error-text';
import { joinWithToast } from '~/src/utils/join-with-toast';
import { openPage } from '~/src/utils/navigate';
import { badgeText, ENTRIES, FIGURES, ORDER_STEPS } from './mine-entries';
import { useMemberFigures } from '~/src/utils/use-member-figures';
import './index.scss';

function Header({ profile }: { profile: MemberProfile }) {
  return (
    <View className="mine-header mine-profile-link" onClick={() => openPage(ROUTES.memberProfile)}>
      <MemberAvatar nickname={profile.nickname} avatarUrl={profile.avatarUrl} size="lg" />
      <View className="mine-header__identity">
        <Text className="mine-header__nickname mine-nickname">{profile.nickname}</Text>
        <View className="mine-header__line">
          <Text
            className="mine-header__tier mine-tier"
            onClick={(event) => {
              event.stopPropagation();
              openPage(ROUTES.memberCentre);
            }}
          >
            {profile.tier.name}
          </Text>
          <Text className="mine-header__number mine-member-no">会员号 {profile.memberNo}</Text>
        </View>
      </View>
      <Text className="mine-header__arrow">›</Text>
    </View>
  );
}

function Figures({ profile, counts }: { profile: MemberProfile; counts: MemberCounts | null }) {
  const value = { points: profile.points.available, coupons: counts?.coupons, awaitingPickup: counts?.awaitingPickup };
  return (
    <View className="mine-figures">
      {FIGURES.map((figure) => (
        <View key={figure.key} className={`mine-figures__item mine-figure-${figure.key}`} onClick={() => openPage(figure.url)}>
          <Text className="mine-figures__value mine-figure-value">{value[figure.key] ?? '–'}</Text>
          <Text className="mine-figures__label">{figure.label}</Text>
        </View>
      ))}
    </View>
  );
}

function OrderRow({ counts }: { counts: MemberCounts | null }) {
  return (
    <View className="mine-panel mine-orders">
      <View className="mine-panel__head" onClick={() => openPage(ROUTES.orders)}>
        <Text className="mine-panel__title">我的订单</Text>
        <Text className="mine-panel__more mine-all-orders">全部订单 ›</Text>
      </View>
      <View className="mine-orders__steps">
        {ORDER_STEPS.map((step) => {
          const badge = counts ? badgeText(counts.orders[step.count]) : null;
          return (
            <View
              key={step.tab}
              className={`mine-orders__step mine-order-${step.tab}`}
              onClick={() => openPage(`${ROUTES.orders}?tab=${step.tab}`)}
            >
              <View className="mine-orders__mark">
                <Text>{step.mark}</Text>
                {badge ? <Text className="mine-orders__badge mine-order-badge">{badge}</Text> : null}
              </View>
              <Text className="mine-orders__label">{step.label}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

function Entries({ member, staff }: { member: boolean; staff: boolean }) {
  const entries = ENTRIES.filter((entry) => member || !entry.member);
  return (
    <View className="mine-panel mine-entries">
      {entries.map((entry) => (
        <View key={entry.key} className={`mine-entries__row mine-entry-${entry.key}`} onClick={() => openPage(entry.url)}>
          <Text className="mine-entries__label">{entry.label}</Text>
          <Text className="mine-entries__hint">{entry.hint}</Text>
          <Text className="mine-entries__arrow">›</Text>
        </View>
      ))}
      {staff ? (
        <View className="mine-entries__row mine-entry-staff" onClick={() => openPage(ROUTES.staffHome)}>
          <Text className="mine-entries__label">店员工作台</Text>
          <Text className="mine-entries__hint">扫码收银、核销、提货</Text>
          <Text className="mine-entries__arrow">›</Text>
        </View>
      ) : null}
    </View>
  );
}

function GuestHeader() {
  const joining = useMemberStore((s) => s.joining);
  return (
    <View className="mine-header mine-header--guest">
      <View className="mine-header__identity">
        <Text className="mine-header__nickname">你还不是会员</Text>
        <Text className="mine-header__number">加入即享会员价、积分与新人礼券</Text>
      </View>
      <Button
        className={joining ? 'mine-join mine-join--busy' : 'mine-join'}
        disabled={joining || undefined}
        onClick={() => void joinWithToast()}
      >
        {joining ? '正在加入…' : '一键加入'}
      </Button>
    </View>
  );
}

/** 我的 (a tab): who the member is, what waits for them (points, coupons, rewards, orders by step) and their own pages. */
export default function MinePage() {
  const status = useMemberStore((s) => s.status);
  const profile = useMemberStore((s) => s.profile);
  const counts = useMemberStore((s) => s.counts);
  const staffStoreId = useMemberStore((s) => s.staffStoreId);
  const error = useMemberStore((s) => s.error);
  const load = useMemberStore((s) => s.load);

  useMemberFigures();
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  let head;
  if (status === 'member' && profile) {
    head = (
      <>
        <Header profile={profile} />
        <ProfileBonus profile={profile} onOpen={() => openPage(ROUTES.memberProfile)} />
        <Figures profile={profile} counts={counts} />
      </>
    );
  } else if (status === 'guest') {
    head = <GuestHeader />;
  } else if (status === 'error') {
    head = <StatusPanel kind="error" text={errorText(error)} onRetry={() => void load()} />;
  } else {
    head = <StatusPanel kind="loading" text="正在获取会员信息…" />;
  }

  return (
    <View className="mine-page">
      {head}
      <OrderRow counts={status === 'member' ? counts : null} />
      <Entries member={status === 'member'} staff={staffStoreId !== null} />
      <WelcomeSheet />
    </View>
  );
}
