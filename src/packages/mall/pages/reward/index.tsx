import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import type { RedemptionView } from '~/types/functions/rewards';
import { LoadState } from '~/src/components/load-state';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useMallStore } from '~/src/stores/mall';
import { usePointsStore } from '~/src/stores/points';
import { newClientKey } from '~/src/utils/client-key';
import { formatDate } from '~/src/utils/date';
import { actionErrorText } from '~/src/utils/error-text';
import { kindText, priceText, spacedCode, statusText } from '~/src/packages/mall/reward-text';
import './index.scss';

function RedeemedPanel({ redemption }: { redemption: RedemptionView }) {
  return (
    <View className="redeemed-panel">
      <Text className="redeemed-panel__title">兑换成功</Text>
      {redemption.pickupCode ? (
        <>
          <Text className="redeemed-panel__label">取货码</Text>
          <Text className="redeemed-panel__code pickup-code">{spacedCode(redemption.pickupCode)}</Text>
          <Text className="redeemed-panel__text">到门店出示取货码即可领取{redemption.cashFen > 0 ? '，现金部分在取货时支付' : ''}</Text>
        </>
      ) : (
        <Text className="redeemed-panel__text">
          {redemption.status === 'issued' ? '优惠券已发放到「我的优惠券」' : `当前状态：${statusText(redemption.status)}`}
        </Text>
      )}
      <Button className="redeemed-panel__link" fill="outline" onClick={() => void Taro.redirectTo({ url: ROUTES.redemptions })}>
        查看我的兑换
      </Button>
    </View>
  );
}

/** One reward: what it is, what it costs, how it is collected; redeem after a confirmation. */
export default function RewardPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const rewards = useMallStore((s) => s.rewards);
  const loadRewards = useMallStore((s) => s.loadRewards);
  const redeeming = useMallStore((s) => s.redeeming);
  const redeem = useMallStore((s) => s.redeem);
  const loadSummary = usePointsStore((s) => s.loadSummary);
  const [confirming, setConfirming] = useState(false);
  // One key per confirmed tap: a retry after a lost answer redeems once.
  const [clientKey, setClientKey] = useState(newClientKey);
  const [redeemed, setRedeemed] = useState<RedemptionView | null>(null);

  useEffect(() => {
    if (useMallStore.getState().rewards.status !== 'ready') void loadRewards();
  }, [loadRewards]);

  const onConfirm = async () => {
    setConfirming(false);
    const outcome = await redeem(id, clientKey);
    if (!outcome.ok) {
      if (outcome.code !== 'NETWORK') setClientKey(newClientKey());
      void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
      return;
    }
    setRedeemed(outcome.value);
    setClientKey(newClientKey());
    void loadRewards();
    void loadSummary();
  };

  return (
    <View className="reward-page">
      <LoadState status={rewards.status} error={rewards.error} loadingText="正在加载礼品…" onRetry={() => void loadRewards()}>
        {() => {
          const reward = rewards.data!.find((item) => item.id === id);
          if (!reward) {
            return (
              <StatusPanel
                kind="empty"
                title="礼品已下架"
                text="看看积分商城里的其他礼品吧"
                actionText="返回积分商城"
                onAction={() => void Taro.redirectTo({ url: ROUTES.mall })}
              />
            );
          }
          return (
            <>
              {reward.imageUrl ? (
                <Image className="reward-page__image" src={reward.imageUrl} mode="aspectFill" />
              ) : (
                <View className="reward-page__image reward-page__image--mark">
                  <Text>{Array.from(reward.title)[0] ?? '礼'}</Text>
                </View>
              )}
              <View className="reward-info">
                <Text className="reward-info__title reward-detail-title">{reward.title}</Text>
                <Text className="reward-info__price">{priceText(reward)}</Text>
                {reward.description ? <Text className="reward-info__description">{reward.description}</Text> : null}
                <View className="reward-info__facts">
                  <Text className="reward-info__fact">· {kindText(reward.kind)}</Text>
                  <Text className="reward-info__fact">· 剩余 {reward.stockRemaining} 件</Text>
                  {reward.availableTo ? <Text className="reward-info__fact">· 兑换截止 {formatDate(reward.availableTo)}</Text> : null}
                  <Text className="reward-info__fact">· 未领取前可在「我的兑换」中取消，积分原路退回</Text>
                </View>
              </View>

              {redeemed ? (
                <RedeemedPanel redemption={redeemed} />
              ) : (
                <View className="reward-page__bar">
                  {reward.blockedReason ? (
                    <Text className="reward-page__blocked redeem-blocked">
                      {reward.blockedReason}
                      {reward.pointsMissing > 0 ? (
                        <Text className="reward-page__earn earn-points" onClick={() => void Taro.navigateTo({ url: ROUTES.checkIn })}>
                          {' '}
                          去签到赚积分 ›
                        </Text>
                      ) : null}
                    </Text>
                  ) : null}
                  <Button
                    className="reward-page__redeem redeem-button"
                    type="primary"
                    block
                    disabled={reward.blockedReason !== null || redeeming !== null}
                    loading={redeeming !== null}
                    onClick={() => setConfirming(true)}
                  >
                    立即兑换
                  </Button>
                </View>
              )}

              <Dialog
                className="redeem-dialog"
                visible={confirming}
                title="确认兑换"
                content={`将使用 ${priceText(reward)} 兑换「${reward.title}」`}
                confirmText="确认兑换"
                cancelText="再想想"
                onConfirm={() => void onConfirm()}
                onCancel={() => setConfirming(false)}
                onClose={() => setConfirming(false)}
              />
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
