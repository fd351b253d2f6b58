import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OrderView, RefundView } from '~/types/functions/orders';
import { ROUTES } from '~/src/routes';
import { formatDate } from '~/src/utils/date';
import { formatYuan } from '~/core/money/format';
import { REFUND_KIND_TEXT } from '~/core/orders/order-machine';
import { REFUND_STATUS_TEXT } from '../order-text';
import './refund-progress.scss';

/**
 * The steps of a refund and how far this one got: asked, reviewed, (退货退款) goods sent back and
 * received, money back — or refused.
 */
function steps(refund: RefundView): { title: string; at: number | null; done: boolean; failed?: boolean }[] {
  const reviewed = refund.status !== 'requested';
  const returned =
    refund.kind === 'returnAndRefund' && refund.status !== 'rejected'
      ? [
          {
            title: '寄回商品',
            at: refund.returnShipment?.at ?? null,
            done: refund.returnReceivedAt !== null || refund.returnShipment !== null,
          },
        ]
      : [];
  return [
    { title: '提交申请', at: refund.requestedAt, done: true },
    {
      title: refund.status === 'rejected' ? '审核未通过' : '商家审核',
      at: refund.reviewedAt,
      done: reviewed,
      failed: refund.status === 'rejected',
    },
    ...returned,
    ...(refund.status === 'rejected' ? [] : [{ title: '退款到账', at: refund.refundedAt, done: refund.status === 'refunded' }]),
  ];
}

/** An order's refunds, newest first: what was asked, how far it got, what came back, and a return's goods to send. */
export function RefundProgress({ order }: { order: Pick<OrderView, 'id' | 'refunds' | 'lines'> }) {
  return (
    <View className="refund-progress">
      {order.refunds.map((refund) => (
        <View className={`refund-progress__refund refund-${refund.status}`} key={refund.id}>
          <View className="refund-progress__head">
            <Text className="refund-progress__status refund-status">
              {REFUND_KIND_TEXT[refund.kind]} · {REFUND_STATUS_TEXT[refund.status]}
            </Text>
            <Text className="refund-progress__amount">{formatYuan(refund.amountFen)}</Text>
          </View>
          <View className="refund-progress__steps">
            {steps(refund).map((step) => (
              <View
                key={step.title}
                className={`refund-progress__step${step.done ? ' refund-progress__step--done' : ''}${step.failed ? ' refund-progress__step--failed' : ''}`}
              >
                <View className="refund-progress__dot" />
                <Text className="refund-progress__step-title">{step.title}</Text>
                <Text className="refund-progress__step-time">{step.at ? formatDate(step.at, 'MM-DD HH:mm') : ' '}</Text>
              </View>
            ))}
          </View>
          <Text className="refund-progress__fact">
            退款商品：{refund.lineIds.map((lineId) => order.lines.find((line) => line.lineId === lineId)?.title ?? lineId).join('、')}
          </Text>
          <Text className="refund-progress__fact">退款原因：{refund.reason}</Text>
          {refund.pointsReturned > 0 ? <Text className="refund-progress__fact">退回积分：{refund.pointsReturned}</Text> : null}
          {refund.pointsClawedBack > 0 ? <Text className="refund-progress__fact">扣回本单赠送积分：{refund.pointsClawedBack}</Text> : null}
          {refund.reviewNote ? <Text className="refund-progress__fact">商家说明：{refund.reviewNote}</Text> : null}
          {refund.returnShipment ? (
            <Text className="refund-progress__fact refund-return-shipment">
              退货物流：{refund.returnShipment.carrier ? `${refund.returnShipment.carrier} ` : ''}
              {refund.returnShipment.waybillNo}
            </Text>
          ) : null}
          {refund.status === 'awaitingReturn' ? (
            <View
              className="refund-progress__return return-link"
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.refund}?id=${order.id}` })}
            >
              <Text>{refund.returnShipment ? '查看退货地址 / 修改物流' : '查看退货地址，填写退货物流'}</Text>
            </View>
          ) : null}
          <Text className="refund-progress__no">退款编号 {refund.refundNo}</Text>
        </View>
      ))}
    </View>
  );
}
