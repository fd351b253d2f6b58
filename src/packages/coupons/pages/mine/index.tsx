import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Tabs } from '@nutui/nutui-react-taro';
import type { MyCoupon } from '~/types/functions/coupons';
import { CouponTicket } from '~/src/components/coupon-ticket';
import { PagedItems } from '~/src/components/paged-items';
import { LoadState } from '~/src/components/load-state';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import type { MyCouponStatus } from '~/src/services/coupons';
import { useCouponsStore } from '~/src/stores/coupons';
import { formatDate } from '~/src/utils/date';
import './index.scss';

const TABS: { status: MyCouponStatus; title: string; empty: string }[] = [
  { status: 'usable', title: '可使用', empty: '暂无可用的优惠券' },
  { status: 'used', title: '已使用', empty: '还没有使用过优惠券' },
  { status: 'expired', title: '已过期', empty: '没有过期的优惠券' },
];

const SOURCE_TEXT: Record<MyCoupon['source'], string> = {
  centre: '领券中心',
  welcome: '新人礼',
  birthday: '生日礼',
  comeback: '回归礼',
  campaign: '活动赠送',
  reward: '积分兑换',
};

/** 去使用 on a usable coupon (it opens the products it applies to); the state as a stamp otherwise. */
function actionOf(coupon: MyCoupon) {
  if (coupon.state === 'usable') {
    return (
      <Button
        className="my-coupons-page__use use-coupon"
        onClick={() => void Taro.navigateTo({ url: `${ROUTES.couponProducts}?id=${encodeURIComponent(coupon.instanceId)}` })}
      >
        去使用
      </Button>
    );
  }
  return <Text className={`coupon-stamp coupon-stamp--${coupon.state}`}>{coupon.stateText}</Text>;
}

function tagsOf(coupon: MyCoupon): string[] {
  const tags = [SOURCE_TEXT[coupon.source]];
  if (coupon.usedAt !== null) tags.push(`${formatDate(coupon.usedAt)} 使用`);
  return tags;
}

/** My coupons by status (usable, used, expired), each with its rules and validity; paged. */
export default function MyCouponsPage() {
  const [status, setStatus] = useState<MyCouponStatus>('usable');
  const list = useCouponsStore((s) => s.mine[status]);
  const load = useCouponsStore((s) => s.loadMine);

  useEffect(() => {
    void load(status, 'first');
  }, [load, status]);

  usePullDownRefresh(() => {
    void load(status, 'first').finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void load(status, 'more');
  });

  const tab = TABS.find((item) => item.status === status)!;

  return (
    <View className="my-coupons-page">
      <Tabs
        className="my-coupons-page__tabs coupon-tabs"
        value={status}
        onChange={(value) => setStatus(value as MyCouponStatus)}
        activeType="line"
      >
        {TABS.map((item) => (
          <Tabs.TabPane title={item.title} value={item.status} key={item.status} />
        ))}
      </Tabs>
      <View className="my-coupons-page__list">
        <LoadState status={list.status} error={list.error} loadingText="正在加载优惠券…" onRetry={() => void load(status, 'first')}>
          {() =>
            list.items.length === 0 ? (
              <StatusPanel
                kind="empty"
                title={tab.empty}
                text="去领券中心看看有哪些优惠券可以领"
                actionText="去领券"
                onAction={() => void Taro.navigateTo({ url: ROUTES.couponCentre })}
              />
            ) : (
              <PagedItems list={list} onMore={() => void load(status, 'more')}>
                {list.items.map((coupon) => (
                  <CouponTicket
                    key={coupon.instanceId}
                    className="my-coupon"
                    face={coupon.face}
                    title={coupon.title}
                    validityText={coupon.validityText}
                    rules={coupon.description}
                    tags={tagsOf(coupon)}
                    reason={coupon.reason}
                    faded={coupon.state !== 'usable' && coupon.state !== 'notStarted'}
                    action={actionOf(coupon)}
                  />
                ))}
              </PagedItems>
            )
          }
        </LoadState>
      </View>
    </View>
  );
}
