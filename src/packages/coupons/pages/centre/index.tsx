import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { CentreCoupon } from '~/types/functions/coupons';
import { CouponTicket } from '~/src/components/coupon-ticket';
import { LoadState } from '~/src/components/load-state';
import { ShareButton } from '~/src/components/share-button';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useCouponsStore } from '~/src/stores/coupons';
import { newClientKey } from '~/src/utils/client-key';
import { actionErrorText } from '~/src/utils/error-text';
import { useShare } from '~/src/utils/use-share';
import shareImage from '~/src/assets/share/coupons.png';
import './index.scss';

function tagsOf(coupon: CentreCoupon): string[] {
  const tags = coupon.audienceText ? [coupon.audienceText] : [];
  const why = coupon.blockedBy;
  // The audience label already says who may claim it; other blocks (not started, ended) need saying.
  if (why && why.code !== 'LIMIT_REACHED' && why.code !== 'OUT_OF_STOCK' && !(why.code === 'NOT_ELIGIBLE' && coupon.audienceText))
    tags.push(why.reason);
  if (coupon.stockRemaining !== null) tags.push(coupon.stockRemaining > 0 ? `剩余 ${coupon.stockRemaining} 张` : '已抢光');
  if (coupon.perMemberLimit > 1) tags.push(`每人限领 ${coupon.perMemberLimit} 张`);
  return tags;
}

function claimLabel(coupon: CentreCoupon): string {
  if (coupon.canClaim) return coupon.claimedCount > 0 ? '再领一张' : '立即领取';
  if (coupon.blockedBy?.code === 'LIMIT_REACHED') return '已领取';
  if (coupon.blockedBy?.code === 'OUT_OF_STOCK') return '已抢光';
  return '不可领取';
}

/** Coupon centre: every coupon the member may claim, with its rules, validity and why not when blocked. */
export default function CouponCentrePage() {
  const centre = useCouponsStore((s) => s.centre);
  const claiming = useCouponsStore((s) => s.claiming);
  const load = useCouponsStore((s) => s.loadCentre);
  const claim = useCouponsStore((s) => s.claim);
  // The key of the last tap per coupon, kept after a network failure so the retry claims once.
  const pendingKeys = useRef(new Map<string, string>());
  const share = useShare({ page: 'couponCentre', title: '领券中心：好券限量领取，下单立减', imageUrl: shareImage as string });

  useEffect(() => {
    void load();
  }, [load]);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const onClaim = async (templateId: string) => {
    const key = pendingKeys.current.get(templateId) ?? newClientKey();
    pendingKeys.current.set(templateId, key);
    const outcome = await claim(templateId, key);
    if (!outcome.ok && outcome.code === 'NETWORK') {
      void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
      return;
    }
    pendingKeys.current.delete(templateId);
    if (!outcome.ok) void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
    else void Taro.showToast({ title: '领取成功', icon: 'success' });
  };

  return (
    <View className="coupon-centre-page">
      <View className="coupon-centre-page__head">
        <Text className="coupon-centre-page__title">领取优惠券，下单立减</Text>
        <Text className="coupon-centre-page__link my-coupons-link" onClick={() => void Taro.navigateTo({ url: ROUTES.myCoupons })}>
          我的优惠券 ›
        </Text>
        <ShareButton link={share.link} className="coupon-centre-page__share" />
      </View>
      <LoadState status={centre.status} error={centre.error} loadingText="正在加载优惠券…" onRetry={() => void load()}>
        {() =>
          centre.data!.length === 0 ? (
            <StatusPanel
              kind="empty"
              title="暂时没有可领的券"
              text="新活动上线后会第一时间出现在这里"
              actionText="看看我的优惠券"
              onAction={() => void Taro.navigateTo({ url: ROUTES.myCoupons })}
            />
          ) : (
            centre.data!.map((coupon) => (
              <CouponTicket
                key={coupon.templateId}
                className="centre-coupon"
                face={coupon.face}
                title={coupon.title}
                validityText={coupon.validityText}
                rules={coupon.description}
                tags={tagsOf(coupon)}
                faded={!coupon.canClaim && coupon.blockedBy?.code !== 'LIMIT_REACHED'}
                action={
                  <Button
                    className="claim-button"
                    size="small"
                    type={coupon.canClaim ? 'primary' : 'default'}
                    disabled={!coupon.canClaim || claiming !== null}
                    loading={claiming === coupon.templateId}
                    onClick={() => void onClaim(coupon.templateId)}
                  >
                    {claimLabel(coupon)}
                  </Button>
                }
              />
            ))
          )
        }
      </LoadState>
    </View>
  );
}
