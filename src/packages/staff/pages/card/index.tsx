import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Dialog } from '@nutui/nutui-react-taro';
import type { MemberCard } from '~/types/functions/staff';
import { CouponTicket } from '~/src/components/coupon-ticket';
// Before the load state: shared stylesheets keep the order the other pages load them in.
import { MemberAvatar } from '~/src/components/member-avatar';
import { Panel } from '~/src/components/panel';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useStaffStore } from '~/src/stores/staff';
import { formatDate } from '~/src/utils/date';
import { actionErrorText } from '~/src/utils/error-text';
import { formatPoints, formatYuan } from '~/core/money/format';
import { scanAgain, SessionNotice } from '~/src/packages/staff/components/session-notice';
import { minutesSeconds, saleStatusText } from '~/src/packages/staff/staff-text';
import { useNow } from '~/src/packages/staff/use-now';
import { useSessionCard } from '~/src/packages/staff/use-session-card';
import { SessionCardState } from '~/src/packages/staff/components/session-card-state';
import { MemberTagsPanel } from '~/src/packages/staff/components/member-tags-panel';
import './index.scss';

type Pickup = MemberCard['pickups'][number];

function MemberHeader({ card, now }: { card: MemberCard; now: number }) {
  const { member } = card;
  const pointsSecondsLeft = Math.ceil((card.pointsUsableUntil - now) / 1000);
  const hasPoints = member.points.available > 0 || member.points.pending > 0;
  return (
    <View className="till-member">
      <View className="till-member__head">
        <MemberAvatar nickname={member.nickname} avatarUrl={member.avatarUrl} />
        <View className="till-member__who">
          <Text className="till-member__nickname card-nickname">{member.nickname}</Text>
          <Text className="till-member__phone card-phone">{member.phoneMasked ?? '未留手机号'}</Text>
        </View>
        <Text className="till-member__tier card-tier">{member.tier.name}</Text>
      </View>
      {member.tier.perks.length > 0 ? (
        <View className="till-member__perks">
          {member.tier.perks.map((perk) => (
            <Text className="till-member__perk card-perk" key={perk}>
              {perk}
            </Text>
          ))}
        </View>
      ) : null}
      {hasPoints ? (
        <View className="till-member__points card-points">
          <View className="till-member__figure">
            <Text className="till-member__value card-points-available">{formatPoints(member.points.available)}</Text>
            <Text className="till-member__label">可用积分</Text>
          </View>
          {member.points.pending > 0 ? (
            <View className="till-member__figure">
              <Text className="till-member__value card-points-pending">{formatPoints(member.points.pending)}</Text>
              <Text className="till-member__label">待入账积分</Text>
            </View>
          ) : null}
        </View>
      ) : (
        <Text className="till-member__note card-no-points">暂无积分</Text>
      )}
      {member.points.available > 0 ? (
        card.pointsUsed || pointsSecondsLeft <= 0 ? (
          <Text className="till-member__note card-points-rescan">积分抵现需重新扫码</Text>
        ) : (
          <Text className="till-member__note card-points-usable">可用积分抵现，{minutesSeconds(pointsSecondsLeft)} 内有效</Text>
        )
      ) : null}
    </View>
  );
}

function PickupRow({ pickup, onHandOver }: { pickup: Pickup; onHandOver: () => void }) {
  const busy = useStaffStore((s) => s.busy === pickup.redemptionId);
  return (
    <View className="till-pickup card-pickup">
      <View className="till-pickup__main">
        <Text className="till-pickup__title">{pickup.title}</Text>
        <Text className="till-pickup__meta">
          {formatPoints(pickup.pointsCost)} 积分{pickup.cashFen > 0 ? ` + ${formatYuan(pickup.cashFen)}` : ''}
          {pickup.pickupCode ? ` · 提货码 ${pickup.pickupCode}` : ''}
        </Text>
        {pickup.cashFen > 0 ? <Text className="till-pickup__cash">交付时收取现金 {formatYuan(pickup.cashFen)}</Text> : null}
      </View>
      <View className={`till-pickup__button hand-over-button${busy ? ' till-pickup__button--busy' : ''}`} onClick={onHandOver}>
        <Text>{busy ? '交付中…' : '交付'}</Text>
      </View>
    </View>
  );
}

function Visits({ visits }: { visits: MemberCard['visits'] }) {
  if (visits.length === 0) return <Text className="till-empty card-visits-empty">暂无到店记录</Text>;
  return (
    <>
      {visits.map((visit) => (
        <View className="till-visit card-visit" key={visit.saleId}>
          <View className="till-visit__main">
            <Text className="till-visit__when">
              {formatDate(visit.at, 'MM-DD HH:mm')} · {visit.storeName}
            </Text>
            <Text className="till-visit__meta">
              实付 {formatYuan(visit.paidFen)} · 积分 +{formatPoints(visit.pointsEarned)}
            </Text>
          </View>
          <View className="till-visit__side">
            <Text className="till-visit__amount">{formatYuan(visit.amountFen)}</Text>
            {visit.status === 'recorded' ? null : <Text className="till-visit__status">{saleStatusText(visit.status)}</Text>}
          </View>
        </View>
      ))}
    </>
  );
}

/** The member card at the till: who, tier and perks, points, coupons to write off, rewards to hand over, recent visits. */
export default function TillCardPage() {
  const { sessionId, card, expired, reload } = useSessionCard();
  const handOver = useStaffStore((s) => s.handOverRedemption);
  const now = useNow();
  const [confirm, setConfirm] = useState<Pickup | null>(null);

  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });

  if (!sessionId) {
    return (
      <View className="till-card-page">
        <StatusPanel kind="empty" title="还没有扫描会员码" text="请回到收银台扫描会员码" actionText="去扫码" onAction={scanAgain} />
      </View>
    );
  }

  const onHandOver = async () => {
    const target = confirm;
    setConfirm(null);
    if (!target) return;
    const done = await handOver(sessionId, target.redemptionId);
    void Taro.showToast({ title: done.ok ? `已交付「${target.title}」` : actionErrorText(done), icon: done.ok ? 'success' : 'none' });
  };

  const over = expired || (card.data !== null && now >= card.data.expiresAt);

  return (
    <View className="till-card-page">
      <SessionCardState card={card} over={over} reload={reload}>
        {(data) => {
          return (
            <>
              <SessionNotice expiresAt={data.expiresAt} expired={expired} />
              <MemberHeader card={data} now={now} />
              {over ? null : <MemberTagsPanel sessionId={sessionId} />}

              <Panel title={`优惠券（${data.coupons.length}）`} className="card-coupons">
                {data.coupons.length === 0 ? <Text className="till-empty card-coupons-empty">暂无可用优惠券</Text> : null}
                {data.coupons.map((coupon) => (
                  <CouponTicket
                    key={coupon.instanceId}
                    className="till-coupon"
                    face={coupon.face}
                    title={coupon.title}
                    validityText={coupon.validityText}
                    rules={coupon.description}
                    tags={coupon.state === 'usable' ? [] : [coupon.stateText]}
                    faded={coupon.state !== 'usable'}
                    action={
                      coupon.state === 'usable' ? (
                        <View
                          className="till-coupon__write-off write-off-button"
                          onClick={() =>
                            void Taro.navigateTo({
                              url: `${ROUTES.staffWriteOff}?session=${sessionId}&coupon=${encodeURIComponent(coupon.instanceId)}`,
                            })
                          }
                        >
                          <Text>核销</Text>
                        </View>
                      ) : undefined
                    }
                  />
                ))}
              </Panel>

              <Panel title={`待提货礼品（${data.pickups.length}）`} className="card-pickups">
                {data.pickups.length === 0 ? <Text className="till-empty card-pickups-empty">暂无待提货礼品</Text> : null}
                {data.pickups.map((pickup) => (
                  <PickupRow key={pickup.redemptionId} pickup={pickup} onHandOver={() => setConfirm(pickup)} />
                ))}
              </Panel>

              <Panel title="最近到店" className="card-visits">
                <Visits visits={data.visits} />
              </Panel>
            </>
          );
        }}
      </SessionCardState>

      {card.data ? (
        <View className="till-card-bar">
          {over ? (
            <View className="till-card-bar__button rescan-button" onClick={scanAgain}>
              <Text>重新扫码</Text>
            </View>
          ) : (
            <View
              className="till-card-bar__button record-sale-button"
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.staffSale}?session=${sessionId}` })}
            >
              <Text>记录消费</Text>
            </View>
          )}
        </View>
      ) : null}

      <Dialog
        className="hand-over-dialog"
        visible={confirm !== null}
        title="确认交付"
        content={
          confirm
            ? `确认已将「${confirm.title}」交给会员？${confirm.cashFen > 0 ? `请先收取现金 ${formatYuan(confirm.cashFen)}。` : ''}`
            : ''
        }
        confirmText="确认交付"
        cancelText="取消"
        onConfirm={() => void onHandOver()}
        onCancel={() => setConfirm(null)}
        onClose={() => setConfirm(null)}
      />
    </View>
  );
}
