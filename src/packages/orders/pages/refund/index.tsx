import { useEffect, useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { OrderView } from '~/types/functions/orders';
import type { RefundKind } from '~/types/orders';
import { LoadState } from '~/src/components/load-state';
import { Panel } from '~/src/components/panel';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { idle } from '~/src/stores/loadable';
import { useOrdersStore } from '~/src/stores/orders';
import { newClientKey } from '~/src/utils/client-key';
import { actionErrorText } from '~/src/utils/error-text';
import { formatYuan } from '~/core/money/format';
import { REFUND_KIND_TEXT, refundKindsFor } from '~/core/orders/order-machine';
import { refundableLines } from '~/src/packages/orders/order-text';
import { ReturnPanel } from './return-panel';
import './index.scss';

const REASONS = ['不想要了', '商品质量问题', '商品与描述不符', '收到商品破损', '发错货/漏发', '其他'];
const MAX_REASON = 200;
const KINDS: RefundKind[] = ['refundOnly', 'returnAndRefund'];
const KIND_HINT: Record<RefundKind, string> = {
  refundOnly: '无需寄回商品，审核通过后原路退款',
  returnAndRefund: '审核通过后寄回商品，商家收到后原路退款',
};

/**
 * Ask for a refund: 仅退款 or 退货退款 (once the goods have shipped), the lines and a reason; the
 * shop reviews it and the order shows its progress. An approved 退货退款 shows here where to send
 * the goods, and takes the waybill number they went with.
 */
export default function RefundPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const order = useOrdersStore((s) => s.orders[id]) ?? idle<OrderView>();
  const loadOrder = useOrdersStore((s) => s.loadOrder);
  const requestRefund = useOrdersStore((s) => s.requestRefund);
  const busy = useOrdersStore((s) => s.busy);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [kind, setKind] = useState<RefundKind>('refundOnly');
  const [reason, setReason] = useState('');
  const [detail, setDetail] = useState('');
  // One key per request: a retry after a lost answer asks once.
  const [clientKey, setClientKey] = useState(newClientKey);

  useEffect(() => {
    if (id) void loadOrder(id);
  }, [id, loadOrder]);

  return (
    <View className="refund-page">
      <LoadState status={order.status} error={order.error} loadingText="正在加载订单…" onRetry={() => void loadOrder(id)}>
        {() => {
          const data = order.data as OrderView;
          const lines = refundableLines(data);
          const returns = data.refunds.filter((refund) => refund.status === 'awaitingReturn');
          const returnPanels = returns.map((refund) => <ReturnPanel key={refund.id} orderId={id} refund={refund} />);
          if (!data.can.requestRefund || lines.length === 0) {
            if (returns.length > 0) return <>{returnPanels}</>;
            return (
              <StatusPanel
                kind="empty"
                title="该订单暂不能申请退款"
                text="已退款、退款处理中或已过售后期的订单不能再申请"
                actionText="返回订单"
                onAction={() => void Taro.redirectTo({ url: `${ROUTES.order}?id=${id}` })}
              />
            );
          }
          const kinds = refundKindsFor(data);
          const chosenKind = kinds.includes(kind) ? kind : 'refundOnly';
          const picked = chosen ?? lines.map((line) => line.lineId);
          const toggle = (lineId: string) =>
            setChosen(picked.includes(lineId) ? picked.filter((item) => item !== lineId) : [...picked, lineId]);
          const fullReason = [reason, detail.trim()].filter(Boolean).join('：').slice(0, MAX_REASON);

          const submit = async () => {
            if (picked.length === 0) {
              void Taro.showToast({ title: '请选择要退款的商品', icon: 'none' });
              return;
            }
            if (!reason) {
              void Taro.showToast({ title: '请选择退款原因', icon: 'none' });
              return;
            }
            const outcome = await requestRefund(id, picked, fullReason, chosenKind, clientKey);
            if (!outcome.ok) {
              if (outcome.code !== 'NETWORK') setClientKey(newClientKey());
              void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
              return;
            }
            void Taro.showToast({ title: '已提交退款申请', icon: 'success' });
            void Taro.redirectTo({ url: `${ROUTES.order}?id=${id}` });
          };

          return (
            <>
              {returnPanels}
              <Panel title="退款类型" className="refund-kinds">
                <View className="refund-kinds__options">
                  {KINDS.map((item) => {
                    const allowed = kinds.includes(item);
                    return (
                      <View
                        key={item}
                        className={`refund-kinds__option refund-kind refund-kind-${item}${chosenKind === item ? ' refund-kinds__option--on' : ''}${allowed ? '' : ' refund-kinds__option--off'}`}
                        onClick={() =>
                          allowed ? setKind(item) : void Taro.showToast({ title: '商品尚未发货，无需退货，请选择仅退款', icon: 'none' })
                        }
                      >
                        <Text className="refund-kinds__name">{REFUND_KIND_TEXT[item]}</Text>
                        <Text className="refund-kinds__hint">{allowed ? KIND_HINT[item] : '商品尚未发货，不需要退货'}</Text>
                      </View>
                    );
                  })}
                </View>
              </Panel>

              <Panel title="选择退款商品" className="refund-lines">
                {lines.map((line) => {
                  const on = picked.includes(line.lineId);
                  return (
                    <View key={line.lineId} className="refund-lines__line refund-line" onClick={() => toggle(line.lineId)}>
                      <View className={`refund-lines__box${on ? ' refund-lines__box--on' : ''}`} />
                      <Image className="refund-lines__image" src={line.imageUrl} mode="aspectFill" />
                      <View className="refund-lines__body">
                        <Text className="refund-lines__title">{line.title}</Text>
                        {line.specText ? <Text className="refund-lines__spec">{line.specText}</Text> : null}
                        <Text className="refund-lines__paid">
                          × {line.quantity} · 实付 {formatYuan(line.paidFen)}
                        </Text>
                      </View>
                    </View>
                  );
                })}
                <Text className="refund-lines__note">
                  按商品实付金额退款，使用的积分按比例退回；全部商品退款时优惠券一并退回。退款金额以审核结果为准。
                </Text>
              </Panel>

              <Panel title="退款原因" className="refund-reasons">
                <View className="refund-reasons__chips">
                  {REASONS.map((item) => (
                    <View
                      key={item}
                      className={`refund-reasons__chip refund-reason${reason === item ? ' refund-reasons__chip--on' : ''}`}
                      onClick={() => setReason(item)}
                    >
                      <Text>{item}</Text>
                    </View>
                  ))}
                </View>
                <Textarea
                  className="refund-reasons__detail refund-detail"
                  value={detail}
                  maxlength={150}
                  placeholder="补充说明（选填）"
                  onInput={(event) => setDetail(event.detail.value)}
                />
              </Panel>

              <View className="refund-bar">
                <View
                  className={`refund-bar__button submit-refund${busy ? ' refund-bar__button--busy' : ''}`}
                  onClick={() => !busy && void submit()}
                >
                  <Text>{busy ? '正在提交…' : `提交${REFUND_KIND_TEXT[chosenKind]}申请（${picked.length}件商品）`}</Text>
                </View>
              </View>
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
