import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import type { RedemptionView } from '~/types/functions/rewards';
import { PagedItems } from '~/src/components/paged-items';
import { LoadState } from '~/src/components/load-state';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useMallStore } from '~/src/stores/mall';
import { usePointsStore } from '~/src/stores/points';
import { formatDate } from '~/src/utils/date';
import { actionErrorText } from '~/src/utils/error-text';
import { priceText, spacedCode, statusText } from '~/src/packages/mall/reward-text';
import './index.scss';

function RedemptionItem({ item, onCancel }: { item: RedemptionView; onCancel: () => void }) {
  const cancelling = useMallStore((s) => s.cancelling === item.id);
  const active = item.status === 'awaitingPickup';
  return (
    <View className="redemption redemption-item">
      <View className="redemption__head">
        <Text className="redemption__title">{item.title}</Text>
        <Tag type={active ? 'warning' : 'default'} plain className="redemption-status">
          {statusText(item.status)}
        </Tag>
      </View>
      <Text className="redemption__meta">
        {priceText(item)} · {formatDate(item.createdAt, 'YYYY-MM-DD HH:mm')}
      </Text>
      {item.pickupCode && active ? (
        <View className="redemption__code-box">
          <Text className="redemption__code-label">取货码</Text>
          <Text className="redemption__code pickup-code">{spacedCode(item.pickupCode)}</Text>
        </View>
      ) : null}
      {item.cancellable ? (
        <View className="redemption__actions">
          <Button className="cancel-redemption" size="small" fill="outline" loading={cancelling} disabled={cancelling} onClick={onCancel}>
            取消兑换
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** My redemptions, newest first: pickup codes while waiting, cancel with confirmation. */
export default function RedemptionsPage() {
  const list = useMallStore((s) => s.redemptions);
  const load = useMallStore((s) => s.loadRedemptions);
  const cancel = useMallStore((s) => s.cancel);
  const loadSummary = usePointsStore((s) => s.loadSummary);
  const [confirm, setConfirm] = useState<RedemptionView | null>(null);

  useEffect(() => {
    void load('first');
  }, [load]);

  usePullDownRefresh(() => {
    void load('first').finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void load('more');
  });

  const onConfirmCancel = async () => {
    const target = confirm;
    setConfirm(null);
    if (!target) return;
    const outcome = await cancel(target.id);
    if (!outcome.ok) {
      void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
      return;
    }
    void Taro.showToast({ title: '已取消，积分已退回', icon: 'none' });
    void loadSummary();
  };

  return (
    <View className="redemptions-page">
      <LoadState status={list.status} error={list.error} loadingText="正在加载兑换记录…" onRetry={() => void load('first')}>
        {() =>
          list.items.length === 0 ? (
            <StatusPanel
              kind="empty"
              title="还没有兑换记录"
              text="用积分兑换心仪的礼品吧"
              actionText="去积分商城"
              onAction={() => void Taro.redirectTo({ url: ROUTES.mall })}
            />
          ) : (
            <PagedItems list={list} onMore={() => void load('more')}>
              {list.items.map((item) => (
                <RedemptionItem item={item} key={item.id} onCancel={() => setConfirm(item)} />
              ))}
            </PagedItems>
          )
        }
      </LoadState>
      <Dialog
        className="cancel-dialog"
        visible={confirm !== null}
        title="取消兑换"
        content={confirm ? `确定取消「${confirm.title}」的兑换吗？取消后 ${confirm.pointsCost} 积分将退回你的账户。` : ''}
        confirmText="确定取消"
        cancelText="不取消"
        onConfirm={() => void onConfirmCancel()}
        onCancel={() => setConfirm(null)}
        onClose={() => setConfirm(null)}
      />
    </View>
  );
}
