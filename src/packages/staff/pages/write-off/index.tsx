import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { StaffResponses } from '~/types/functions/staff';
import { CouponTicket } from '~/src/components/coupon-ticket';
import { StatusPanel } from '~/src/components/status-panel';
import { useStaffStore } from '~/src/stores/staff';
import { formatDate } from '~/src/utils/date';
import { actionErrorText, errorText } from '~/src/utils/error-text';
import { scanAgain, SessionNotice } from '~/src/packages/staff/components/session-notice';
import { useSessionCard } from '~/src/packages/staff/use-session-card';
import { SessionCardState } from '~/src/packages/staff/components/session-card-state';
import { routeParam } from '~/src/utils/route-param';
import './index.scss';

/** Writing off (核销) one of the session member's coupons: the coupon and its rules, confirm, done. */
export default function TillWriteOffPage() {
  const { params } = useRouter();
  const instanceId = routeParam(params.coupon);
  const { sessionId, card, expired, reload } = useSessionCard();
  const writeOff = useStaffStore((s) => s.writeOffCoupon);
  const busy = useStaffStore((s) => s.busy === instanceId);
  const [done, setDone] = useState<StaffResponses['writeOffCoupon'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (done) {
    return (
      <View className="write-off-page">
        <View className="write-off-done">
          <Text className="write-off-done__title">核销成功</Text>
          <Text className="write-off-done__coupon write-off-done-title">{done.coupon.title}</Text>
          <Text className="write-off-done__time">{formatDate(done.writtenOffAt, 'YYYY-MM-DD HH:mm:ss')}</Text>
        </View>
        <View className="write-off-bar">
          <View className="write-off-bar__button write-off-back" onClick={() => void Taro.navigateBack()}>
            <Text>返回会员卡</Text>
          </View>
        </View>
      </View>
    );
  }

  if (!sessionId || !instanceId) {
    return (
      <View className="write-off-page">
        <StatusPanel kind="empty" title="还没有扫描会员码" text="请回到收银台扫描会员码" actionText="去扫码" onAction={scanAgain} />
      </View>
    );
  }

  const coupon = card.data?.coupons.find((item) => item.instanceId === instanceId) ?? null;

  const confirm = async () => {
    if (busy) return;
    setError(null);
    const written = await writeOff(sessionId, instanceId);
    if (!written.ok) {
      setError(written.code === 'TILL_SESSION_EXPIRED' ? errorText(written) : actionErrorText(written));
      return;
    }
    setDone(written.value);
  };

  return (
    <View className="write-off-page">
      <SessionCardState card={card} over={expired} reload={reload}>
        {(data) => {
          if (!coupon) {
            return (
              <StatusPanel
                kind="empty"
                title="找不到这张优惠券"
                text="它可能已被使用或已过期"
                actionText="返回会员卡"
                onAction={() => void Taro.navigateBack()}
              />
            );
          }
          return (
            <>
              <SessionNotice expiresAt={data.expiresAt} expired={expired} />
              <Text className="write-off-page__member">
                为 {data.member.nickname}（{data.member.tier.name}）核销
              </Text>
              <CouponTicket
                className="write-off-coupon"
                face={coupon.face}
                title={coupon.title}
                validityText={coupon.validityText}
                rules={coupon.description}
              />
              <Text className="write-off-page__hint">核销后优惠券即被使用，不能撤回。请确认顾客本次使用该券。</Text>
              {error ? <Text className="write-off-page__error write-off-error">{error}</Text> : null}
            </>
          );
        }}
      </SessionCardState>
      {coupon ? (
        <View className="write-off-bar">
          {expired ? (
            <View className="write-off-bar__button rescan-button" onClick={scanAgain}>
              <Text>重新扫码</Text>
            </View>
          ) : (
            <View
              className={`write-off-bar__button write-off-confirm${busy ? ' write-off-bar__button--busy' : ''}`}
              onClick={() => void confirm()}
            >
              <Text>{busy ? '正在核销…' : '确认核销'}</Text>
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
