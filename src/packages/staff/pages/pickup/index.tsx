import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PickupView } from '~/types/functions/staff';
import type { EpochMs } from '~/types/units';
import type { Failure } from '~/src/stores/outcome';
import { useStaffStore } from '~/src/stores/staff';
import { formatDate } from '~/src/utils/date';
import { actionErrorText } from '~/src/utils/error-text';
import { formatYuan } from '~/core/money/format';
import { digitsOnly } from '~/src/packages/staff/staff-text';
import './index.scss';

const PICKUP_CODE = /^\d{6}(\d{2})?$/;

function refusalText(failure: Failure): string {
  if (failure.code === 'NOT_FOUND') return '提货码不存在，请核对后重试';
  return actionErrorText(failure);
}

function handedOverText(at: EpochMs, storeName: string | null): string {
  return `已于 ${formatDate(at, 'MM-DD HH:mm')} ${storeName ? `在${storeName}` : ''}提货`;
}

function PickupDetails({ view }: { view: PickupView }) {
  return (
    <View className="pickup-view">
      <View className="pickup-view__head">
        <Text className="pickup-view__kind">{view.kind === 'reward' ? '积分礼品' : '自提订单'}</Text>
        <Text className={`pickup-view__status pickup-status pickup-view__status--${view.status}`}>
          {view.status === 'ready' ? '待提货' : '已提货'}
        </Text>
      </View>
      <Text className="pickup-view__title pickup-title">{view.title}</Text>
      <View className="pickup-view__items">
        {view.items.map((item) => (
          <View className="pickup-view__item pickup-item" key={item.name}>
            <Text className="pickup-view__item-name">{item.name}</Text>
            <Text className="pickup-view__item-quantity">×{item.quantity}</Text>
          </View>
        ))}
      </View>
      <Text className="pickup-view__member pickup-member">会员：{view.memberNickname}</Text>
      {view.kind === 'order' ? <Text className="pickup-view__ref">订单号 {view.refId}</Text> : null}
      {view.cashFen > 0 && view.status === 'ready' ? (
        <View className="pickup-view__cash">
          <Text className="pickup-view__cash-label">交付时收取现金</Text>
          <Text className="pickup-view__cash-value pickup-cash">{formatYuan(view.cashFen)}</Text>
        </View>
      ) : null}
      {view.status === 'handedOver' && view.handedOverAt !== null ? (
        <Text className="pickup-view__done pickup-handed-over">{handedOverText(view.handedOverAt, view.storeName)}</Text>
      ) : null}
    </View>
  );
}

/** Handing over by pickup code: what the code names, then hand it over once. */
export default function TillPickupPage() {
  const lookup = useStaffStore((s) => s.lookupPickup);
  const handOver = useStaffStore((s) => s.handOverByCode);
  const busy = useStaffStore((s) => s.busy !== null && (s.busy.startsWith('lookup:') || s.busy.startsWith('pickup:')));
  const [code, setCode] = useState('');
  const [view, setView] = useState<PickupView | null>(null);
  const [done, setDone] = useState<PickupView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const find = async () => {
    if (busy) return;
    if (!PICKUP_CODE.test(code)) {
      setError('请输入6位或8位提货码');
      return;
    }
    setError(null);
    setView(null);
    const found = await lookup(code);
    if (!found.ok) {
      setError(refusalText(found));
      return;
    }
    setView(found.value);
  };

  const confirm = async () => {
    if (busy || !view) return;
    setError(null);
    const handed = await handOver(view.code);
    if (!handed.ok) {
      // Someone handed it over meanwhile: the server's message says when and where.
      if (handed.code === 'ALREADY_HANDED_OVER') setView({ ...view, status: 'handedOver' });
      setError(refusalText(handed));
      return;
    }
    setDone(handed.value);
    void Taro.showToast({ title: '已交付', icon: 'success' });
  };

  const next = () => {
    setCode('');
    setView(null);
    setDone(null);
    setError(null);
  };

  if (done) {
    return (
      <View className="pickup-page">
        <View className="pickup-done">
          <Text className="pickup-done__title">已交付</Text>
          <Text className="pickup-done__text">
            {done.title} · {done.memberNickname}
          </Text>
          {done.cashFen > 0 ? <Text className="pickup-done__cash">已收现金 {formatYuan(done.cashFen)}</Text> : null}
        </View>
        <View className="pickup-bar">
          <View className="pickup-bar__button pickup-next" onClick={next}>
            <Text>继续核销</Text>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="pickup-page">
      <View className="pickup-entry">
        <Text className="pickup-entry__label">提货码</Text>
        <View className="pickup-entry__row">
          <Input
            className="pickup-entry__input pickup-code-input"
            type="number"
            value={code}
            maxlength={8}
            placeholder="6位或8位数字"
            onInput={(event) => {
              setCode(digitsOnly(event.detail.value, 8));
              setView(null);
              setError(null);
            }}
            onConfirm={() => void find()}
          />
          <View className={`pickup-entry__button pickup-lookup${busy ? ' pickup-entry__button--busy' : ''}`} onClick={() => void find()}>
            <Text>查询</Text>
          </View>
        </View>
      </View>

      {view ? <PickupDetails view={view} /> : null}
      {error ? <Text className="pickup-page__error pickup-error">{error}</Text> : null}

      {view && view.status === 'ready' ? (
        <View className="pickup-bar">
          <View className={`pickup-bar__button pickup-confirm${busy ? ' pickup-bar__button--busy' : ''}`} onClick={() => void confirm()}>
            <Text>{busy ? '正在交付…' : '确认交付'}</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
