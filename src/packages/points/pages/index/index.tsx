import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { PointsSummary } from '~/types/functions/points';
import { LoadState } from '~/src/components/load-state';
import { PagedItems } from '~/src/components/paged-items';
import { Panel } from '~/src/components/panel';
import { PointsHistory } from '~/src/components/points-history';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { usePointsStore } from '~/src/stores/points';
import { formatDate } from '~/src/utils/date';
import { errorText } from '~/src/utils/error-text';
import { useShownAgain } from '~/src/utils/use-shown-again';
import './index.scss';

function SummaryCard({ summary }: { summary: PointsSummary }) {
  return (
    <View className="points-card">
      <Text className="points-card__label">可用积分</Text>
      <Text className={`points-card__value points-available${summary.negative ? ' points-card__value--negative' : ''}`}>
        {summary.available}
      </Text>
      <View className="points-card__row">
        <View className="points-card__cell">
          <Text className="points-card__small-value points-pending">{summary.pending}</Text>
          <Text className="points-card__small-label">待入账</Text>
        </View>
        <View className="points-card__cell">
          <Text className="points-card__small-value">{summary.lifetimeEarned}</Text>
          <Text className="points-card__small-label">累计获得</Text>
        </View>
      </View>
      <View className="points-card__actions">
        <Button className="points-card__action" size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.checkIn })}>
          每日签到
        </Button>
        <Button className="points-card__action" size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: ROUTES.mall })}>
          积分商城
        </Button>
      </View>
    </View>
  );
}

function NegativeNotice({ available }: { available: number }) {
  return (
    <View className="points-notice points-notice--negative negative-notice">
      <Text className="points-notice__title">你的积分余额为 {available}</Text>
      <Text className="points-notice__text">
        订单退款时扣回了这笔订单赠送的积分，而这些积分已经被使用，因此余额暂时为负。之后获得的积分会先补足欠缺的 {-available}
        积分，补足前暂不能使用积分抵现或兑换礼品。
      </Text>
    </View>
  );
}

function ExpiryPanel({ summary }: { summary: PointsSummary }) {
  const expiring = summary.expiring.reduce((sum, lot) => sum + lot.points, 0);
  return (
    <Panel title="积分到账与过期" className="points-schedule">
      {summary.pendingLots.length === 0 ? (
        <Text className="points-schedule__empty">暂无待入账积分</Text>
      ) : (
        summary.pendingLots.map((lot) => (
          <View className="points-schedule__row pending-lot" key={lot.orderId}>
            <Text className="points-schedule__text">
              {lot.availableAt === null ? '订单完成后开始计算售后期，结束后到账' : `预计 ${formatDate(lot.availableAt)} 到账`}
            </Text>
            <Text className="points-schedule__amount points-schedule__amount--pending">+{lot.points}</Text>
          </View>
        ))
      )}
      {expiring > 0 ? (
        summary.expiring.map((lot) => (
          <View className="points-schedule__row points-schedule__row--warning expiring-lot" key={lot.expiresAt}>
            <Text className="points-schedule__text">{formatDate(lot.expiresAt)} 即将过期</Text>
            <Text className="points-schedule__amount points-schedule__amount--warning">{lot.points}</Text>
          </View>
        ))
      ) : summary.nextExpiry ? (
        <View className="points-schedule__row next-expiry">
          <Text className="points-schedule__text">最近一批积分 {formatDate(summary.nextExpiry.expiresAt)} 过期</Text>
          <Text className="points-schedule__amount">{summary.nextExpiry.points}</Text>
        </View>
      ) : null}
      <Text className="points-schedule__rule">购物积分在订单完成7天后到账；积分在获得当月起第12个月的月底过期，先到期的先使用。</Text>
    </Panel>
  );
}

/** Points: available, pending with release dates, expiring soon, a negative balance explained, and the history. */
export default function PointsPage() {
  const summary = usePointsStore((s) => s.summary);
  const history = usePointsStore((s) => s.history);
  const loadSummary = usePointsStore((s) => s.loadSummary);
  const loadHistory = usePointsStore((s) => s.loadHistory);

  useEffect(() => {
    void loadSummary();
    void loadHistory('first');
  }, [loadSummary, loadHistory]);

  // Back from checking in or redeeming: the balance and the latest entries as they are now.
  useShownAgain(() => {
    void loadSummary();
    void loadHistory('first');
  });

  usePullDownRefresh(() => {
    void Promise.all([loadSummary(), loadHistory('first')]).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void loadHistory('more');
  });

  return (
    <View className="points-page">
      <LoadState status={summary.status} error={summary.error} loadingText="正在加载积分…" onRetry={() => void loadSummary()}>
        {() => {
          const data = summary.data!;
          return (
            <>
              <SummaryCard summary={data} />
              {data.negative ? <NegativeNotice available={data.available} /> : null}
              <ExpiryPanel summary={data} />
              <Panel title="积分明细" className="points-history-panel">
                {history.status === 'error' ? (
                  <StatusPanel kind="error" text={errorText(history.error)} onRetry={() => void loadHistory('first')} />
                ) : history.status !== 'ready' ? (
                  <Text className="points-history-panel__loading">正在加载明细…</Text>
                ) : history.items.length === 0 ? (
                  <Text className="points-history-panel__empty">还没有积分记录，签到或购物都能获得积分</Text>
                ) : (
                  <PagedItems list={history} onMore={() => void loadHistory('more')}>
                    <PointsHistory items={history.items} />
                  </PagedItems>
                )}
              </Panel>
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
