import type { ReactElement } from 'react';
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Dialog } from '@nutui/nutui-react-taro';
import { ROUTES } from '~/src/routes';
import { payResultOf, useOrdersStore } from '~/src/stores/orders';
import { actionErrorText } from '~/src/utils/error-text';
import type { OrderAction } from './components/order-actions';

type Confirming = { action: 'cancel' | 'confirmReceipt'; orderId: string } | null;

const CONFIRM_TEXT = {
  cancel: { title: '取消订单', content: '确定取消这笔订单吗？使用的优惠券和积分会退回。', confirm: '确定取消', cancel: '再想想' },
  confirmReceipt: {
    title: '确认收货',
    content: '请确认已收到全部商品。确认后订单完成，积分在售后期结束后到账。',
    confirm: '确认收货',
    cancel: '还没收到',
  },
};

/**
 * What a tap on an order's action does, shared by the list and the detail: pay (to the result
 * page), cancel and confirm receipt (after a confirmation dialog), refund (to the refund form).
 */
export function useOrderAction(): { run: (orderId: string, action: OrderAction) => void; dialog: ReactElement } {
  const [confirming, setConfirming] = useState<Confirming>(null);
  const pay = useOrdersStore((s) => s.pay);
  const cancel = useOrdersStore((s) => s.cancel);
  const confirmReceipt = useOrdersStore((s) => s.confirmReceipt);

  const run = useCallback(
    (orderId: string, action: OrderAction) => {
      if (action === 'requestRefund') {
        void Taro.navigateTo({ url: `${ROUTES.refund}?id=${orderId}` });
        return;
      }
      if (action === 'pay') {
        void pay(orderId).then((paid) => Taro.navigateTo({ url: `${ROUTES.payResult}?id=${orderId}&result=${payResultOf(paid)}` }));
        return;
      }
      setConfirming({ action, orderId });
    },
    [pay],
  );

  const onConfirm = async () => {
    if (!confirming) return;
    const { action, orderId } = confirming;
    setConfirming(null);
    const outcome = action === 'cancel' ? await cancel(orderId) : await confirmReceipt(orderId);
    if (!outcome.ok) {
      void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
      return;
    }
    void Taro.showToast({ title: action === 'cancel' ? '订单已取消' : '已确认收货', icon: 'success' });
  };

  const text = CONFIRM_TEXT[confirming?.action ?? 'cancel'];
  const dialog = (
    <Dialog
      className="order-confirm-dialog"
      visible={confirming !== null}
      title={text.title}
      content={text.content}
      confirmText={text.confirm}
      cancelText={text.cancel}
      onConfirm={() => void onConfirm()}
      onCancel={() => setConfirming(null)}
      onClose={() => setConfirming(null)}
    />
  );
  return { run, dialog };
}
