import { useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Dialog } from '@nutui/nutui-react-taro';
import type { DaySummary, DayTotals } from '~/types/functions/staff';
import { LoadState } from '~/src/components/load-state';
import { Panel } from '~/src/components/panel';
import { useStaffStore } from '~/src/stores/staff';
import { formatDate } from '~/src/utils/date';
import { actionErrorText } from '~/src/utils/error-text';
import { formatPoints, formatYuan } from '~/core/money/format';
import { saleStatusText } from '~/src/packages/staff/staff-text';
import './index.scss';

type Sale = DaySummary['recent'][number];

const FIGURES: { key: keyof DayTotals; label: string; text: (value: number) => string }[] = [
  { key: 'sales', label: '消费笔数', text: String },
  { key: 'amountFen', label: '消费金额', text: formatYuan },
  { key: 'paidFen', label: '消费实收', text: formatYuan },
  { key: 'cashCollectedFen', label: '收款合计', text: formatYuan },
  { key: 'pointsIssued', label: '发放积分', text: formatPoints },
  { key: 'pointsRedeemed', label: '积分抵扣', text: formatPoints },
  { key: 'couponsWrittenOff', label: '核销优惠券', text: String },
  { key: 'pickups', label: '交付提货', text: String },
  { key: 'reversals', label: '撤销', text: String },
];

const REASON_MIN = 2;
const REASON_MAX = 100;

function Totals({ totals }: { totals: DayTotals }) {
  return (
    <View className="summary-figures">
      {FIGURES.map((figure) => (
        <View className={`summary-figure summary-figure--${figure.key}`} key={figure.key}>
          <Text className="summary-figure__value">{figure.text(totals[figure.key])}</Text>
          <Text className="summary-figure__label">{figure.label}</Text>
        </View>
      ))}
    </View>
  );
}

function SaleRow({ sale, canReverse, onReverse }: { sale: Sale; canReverse: boolean; onReverse: () => void }) {
  const busy = useStaffStore((s) => s.busy === sale.saleId);
  return (
    <View className={`summary-sale summary-sale--${sale.status}`}>
      <View className="summary-sale__main">
        <Text className="summary-sale__receipt">小票 {sale.receiptNo}</Text>
        <Text className="summary-sale__meta">
          {formatDate(sale.createdAt, 'HH:mm')} · {sale.staffName}
          {sale.couponTitle ? ` · ${sale.couponTitle}` : ''}
          {sale.pointsUsed > 0 ? ` · 积分抵 ${formatYuan(sale.pointsFen)}` : ''}
        </Text>
        <Text className="summary-sale__meta">
          实收 {formatYuan(sale.paidFen)} · 积分 +{formatPoints(sale.pointsEarned)}
        </Text>
      </View>
      <View className="summary-sale__side">
        <Text className="summary-sale__amount">{formatYuan(sale.amountFen)}</Text>
        {sale.status === 'recorded' ? null : <Text className="summary-sale__status sale-status">{saleStatusText(sale.status)}</Text>}
        {canReverse ? (
          <View className={`summary-sale__reverse reverse-button${busy ? ' summary-sale__reverse--busy' : ''}`} onClick={onReverse}>
            <Text>撤销</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** Today at the till: my figures, the store's for a manager, the latest purchases, and a manager's reversals. */
export default function TillSummaryPage() {
  const summary = useStaffStore((s) => s.summary);
  const loadSummary = useStaffStore((s) => s.loadSummary);
  const me = useStaffStore((s) => s.me);
  const loadMe = useStaffStore((s) => s.loadMe);
  const reverseSale = useStaffStore((s) => s.reverseSale);
  const [reversing, setReversing] = useState<Sale | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    void loadSummary();
    if (!useStaffStore.getState().me) void loadMe();
  }, [loadSummary, loadMe]);

  usePullDownRefresh(() => {
    void loadSummary().finally(() => Taro.stopPullDownRefresh());
  });

  const manager = me?.role === 'manager';
  const trimmed = reason.trim();
  const reasonOk = trimmed.length >= REASON_MIN && trimmed.length <= REASON_MAX;

  const onReverse = async () => {
    const target = reversing;
    if (!target || !reasonOk) return;
    setReversing(null);
    const reversed = await reverseSale(target.saleId, trimmed);
    void Taro.showToast({ title: reversed.ok ? '已撤销，积分已退回' : actionErrorText(reversed), icon: 'none' });
  };

  return (
    <View className="summary-page">
      <LoadState
        status={summary.status === 'idle' ? 'loading' : summary.status}
        error={summary.error}
        loadingText="正在统计今日数据…"
        onRetry={() => void loadSummary()}
      >
        {() => {
          const data = summary.data as DaySummary;
          return (
            <>
              <View className="summary-head">
                <Text className="summary-head__store summary-store-name">{data.storeName}</Text>
                <Text className="summary-head__day summary-day">{data.day}</Text>
              </View>
              <Panel title="我的今日" className="summary-mine">
                <Totals totals={data.mine} />
              </Panel>
              {data.store ? (
                <Panel title="门店今日" className="summary-store">
                  <Totals totals={data.store} />
                </Panel>
              ) : null}
              <Panel title={manager ? '门店最近消费' : '我的最近消费'} className="summary-recent">
                {data.recent.length === 0 ? <Text className="summary-empty">今天还没有消费记录</Text> : null}
                {data.recent.map((sale) => (
                  <SaleRow
                    key={sale.saleId}
                    sale={sale}
                    canReverse={manager && sale.reversible}
                    onReverse={() => {
                      setReason('');
                      setReversing(sale);
                    }}
                  />
                ))}
              </Panel>
            </>
          );
        }}
      </LoadState>
      <Dialog
        className="reverse-dialog"
        visible={reversing !== null}
        title="撤销消费"
        content={
          <View className="reverse-dialog__body">
            <Text className="reverse-dialog__line">
              {reversing
                ? `撤销小票 ${reversing.receiptNo}（${formatYuan(reversing.amountFen)}）：本单获得的积分将扣回，使用的积分与优惠券将退回。`
                : ''}
            </Text>
            <Textarea
              className="reverse-dialog__reason reverse-reason"
              value={reason}
              maxlength={REASON_MAX}
              placeholder="撤销原因（2-100字）"
              onInput={(event) => setReason(event.detail.value)}
            />
          </View>
        }
        confirmText="确认撤销"
        cancelText="取消"
        disableConfirmButton={!reasonOk}
        onConfirm={() => void onReverse()}
        onCancel={() => setReversing(null)}
        onClose={() => setReversing(null)}
      />
    </View>
  );
}
