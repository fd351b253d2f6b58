import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RefundView } from '~/types/functions/orders';
import type { Carrier } from '~/types/orders';
import { CARRIERS } from '~/types/orders';
import { Panel } from '~/src/components/panel';
import { useOrdersStore } from '~/src/stores/orders';
import { actionErrorText } from '~/src/utils/error-text';
import { formatYuan } from '~/core/money/format';

const WAYBILL = /^[A-Za-z0-9-]{6,40}$/;

/**
 * An approved 退货退款: where to send the goods, and the carrier (optional) and waybill number
 * the member sent them with, which they may correct until the shop receives them.
 */
export function ReturnPanel({ orderId, refund }: { orderId: string; refund: RefundView }) {
  const submit = useOrdersStore((s) => s.submitReturnShipment);
  const busy = useOrdersStore((s) => s.busy);
  const sent = refund.returnShipment;
  const [editing, setEditing] = useState(sent === null);
  const [carrier, setCarrier] = useState<Carrier | null>(sent?.carrier ?? null);
  const [waybillNo, setWaybillNo] = useState(sent?.waybillNo ?? '');
  const to = refund.returnTo;

  const send = async () => {
    const number = waybillNo.trim();
    if (!WAYBILL.test(number)) {
      void Taro.showToast({ title: '请填写正确的运单号', icon: 'none' });
      return;
    }
    const outcome = await submit(orderId, refund.id, carrier, number);
    if (!outcome.ok) {
      void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
      return;
    }
    setEditing(false);
    void Taro.showToast({ title: '已提交退货物流', icon: 'success' });
  };

  return (
    <Panel title="寄回商品" className="return-panel">
      <Text className="return-panel__lead">退货申请已通过，请寄回商品；商家收到后退款 {formatYuan(refund.amountFen)}。</Text>
      {to ? (
        <View className="return-panel__address return-address">
          <Text className="return-panel__to">
            {to.name} {to.phone}
          </Text>
          <Text className="return-panel__text">{to.address}</Text>
          {to.note ? <Text className="return-panel__note">{to.note}</Text> : null}
        </View>
      ) : null}
      {editing ? (
        <View className="return-panel__form">
          <Text className="return-panel__label">快递公司（选填）</Text>
          <View className="return-panel__chips">
            {CARRIERS.map((item) => (
              <View
                key={item}
                className={`return-panel__chip return-carrier${carrier === item ? ' return-panel__chip--on' : ''}`}
                onClick={() => setCarrier(carrier === item ? null : item)}
              >
                <Text>{item}</Text>
              </View>
            ))}
          </View>
          <Text className="return-panel__label">运单号</Text>
          <Input
            className="return-panel__input return-waybill"
            value={waybillNo}
            maxlength={40}
            placeholder="填写寄回商品的运单号"
            onInput={(event) => setWaybillNo(event.detail.value)}
          />
          <View
            className={`return-panel__button submit-return${busy ? ' return-panel__button--busy' : ''}`}
            onClick={() => !busy && void send()}
          >
            <Text>{busy ? '正在提交…' : '提交退货物流'}</Text>
          </View>
        </View>
      ) : (
        <View className="return-panel__sent return-sent">
          <Text className="return-panel__text">
            已寄回：{sent?.carrier ? `${sent.carrier} ` : ''}运单号 {sent?.waybillNo}
          </Text>
          <Text className="return-panel__edit edit-return" onClick={() => setEditing(true)}>
            修改
          </Text>
        </View>
      )}
    </Panel>
  );
}
