import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Modal, Spin, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatFen, formatPoints } from '~/core/money/format';
import { refundKindOf } from '~/core/orders/refund-plan';
import type { RefundDoc, RefundPreview } from '~/types/orders';
import { useAdminApi } from '../../api/admin-api-context';
import { outcomeOf } from '../../api/outcome';
import { useAdminAction } from '../../api/use-admin-action';

/** Inputs of the approve dialog. */
export interface ApproveRefundModalProps {
  refund: RefundDoc;
  onClose: () => void;
  /** The step was taken: paid back, or (退货退款) the return agreed. */
  onDone: (refund: RefundDoc) => void;
  /** The step failed for a reason the dialog cannot fix (e.g. WeChat Pay): shown on the page. */
  onFailed: (message: string, code: string | null) => void;
}

/** What the dialog does for a refund in each state. */
function stepOf(refund: RefundDoc): { title: string; ok: string; action: 'approveRefund' | 'confirmReturnReceived' } {
  if (refund.status === 'awaitingReturn') return { title: '确认收货并退款', ok: '确认收货并退款', action: 'confirmReturnReceived' };
  if (refund.status === 'refunding') return { title: '重试退款', ok: '重试退款', action: 'approveRefund' };
  if (refundKindOf(refund) === 'returnAndRefund') return { title: '同意退货退款', ok: '同意退货', action: 'approveRefund' };
  return { title: '同意退款', ok: '同意退款', action: 'approveRefund' };
}

function previewItems(preview: RefundPreview): DescriptionsProps['items'] {
  const stock = preview.stockReturned.map((item) => `${item.title} ×${item.quantity}`).join('、');
  return [
    {
      key: 'amount',
      label: preview.next === 'awaitReturn' ? '收到退货后退款' : '原路退回',
      children: (
        <Typography.Text className="refund-preview-amount" strong style={{ fontSize: 18 }}>
          {formatFen(preview.amountFen)}
          {preview.shippingBackFen > 0 ? `（含运费 ${formatFen(preview.shippingBackFen)}）` : ''}
        </Typography.Text>
      ),
    },
    { key: 'lines', label: '退款商品', children: preview.lines.map((line) => `${line.title} ×${line.quantity}`).join('、') },
    {
      key: 'points',
      label: '退回积分',
      children: <span className="refund-preview-points">{preview.pointsReturned > 0 ? formatPoints(preview.pointsReturned) : '—'}</span>,
    },
    {
      key: 'clawback',
      label: '扣回赠送积分',
      children: (
        <span className="refund-preview-clawback">{preview.pointsClawedBack > 0 ? formatPoints(preview.pointsClawedBack) : '—'}</span>
      ),
    },
    {
      key: 'coupons',
      label: '优惠券',
      children: (
        <span className="refund-preview-coupons">
          {preview.couponsReturned > 0
            ? `退回 ${preview.couponsReturned} 张`
            : preview.couponPolicy === 'kept'
              ? '不退回（部分退款）'
              : '—'}
        </span>
      ),
    },
    {
      key: 'stock',
      label: '库存',
      children: (
        <span className="refund-preview-stock">
          {stock ? `退回 ${stock}${preview.next === 'awaitReturn' ? '（收到退货后）' : ''}` : '不退回（商品已发出）'}
        </span>
      ),
    },
  ];
}

/**
 * The confirmation of a refund's next step, showing exactly what it pays back now (the server's
 * preview, from the same plan the approval fixes): the amount, points back and clawed back,
 * coupons and stock returned. The approval carries the amount shown; when the order has moved on
 * meanwhile the server refuses it with the new preview, which the dialog shows for another look.
 */
export function ApproveRefundModal({ refund, onClose, onDone, onFailed }: ApproveRefundModalProps) {
  const { client, token, onSessionLost } = useAdminApi();
  const { busy, setBusy, error, setError, run } = useAdminAction();
  const [preview, setPreview] = useState<RefundPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const step = stepOf(refund);

  useEffect(() => {
    const controller = new AbortController();
    void outcomeOf(() => client.call('previewRefund', { token, refundId: refund._id }, { signal: controller.signal })).then((outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) setPreview(outcome.value);
      else if (outcome.failure.sessionLost) onSessionLost(outcome.failure.message);
      else setLoadError(outcome.failure.message);
    });
    return () => controller.abort();
  }, [client, token, refund._id, onSessionLost, attempt]);

  const retryLoad = useCallback(() => {
    setLoadError(null);
    setAttempt((current) => current + 1);
  }, []);

  const submit = async () => {
    if (!preview) return;
    const shown = preview.amountFen;
    const outcome = await run(() => client.call(step.action, { token, refundId: refund._id, expectedRefundFen: shown }));
    if (outcome.ok) {
      onDone(outcome.value);
      return;
    }
    if (outcome.failure.sessionLost) return;
    const fresh = outcome.failure.details?.preview as RefundPreview | undefined;
    if (outcome.failure.code === 'PRICE_CHANGED' && fresh) {
      setError(null);
      setPreview(fresh);
      setChanged(`退款金额已由 ${formatFen(shown)} 变为 ${formatFen(fresh.amountFen)}，请核对后再确认`);
      setBusy(false);
      return;
    }
    onFailed(outcome.failure.message, outcome.failure.code);
  };

  return (
    <Modal
      open
      className="approve-refund-modal"
      title={`${step.title} · ${refund.refundNo}`}
      okText={step.ok}
      cancelText="再想想"
      okButtonProps={{ className: 'approve-refund-ok', disabled: preview === null }}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      width={620}
    >
      <Typography.Paragraph type="secondary">
        订单 {refund.orderNo}，原因：{refund.reason}
      </Typography.Paragraph>
      {loadError ? (
        <Alert
          className="refund-preview-error"
          type="error"
          showIcon
          title="退款金额计算失败"
          description={loadError}
          action={
            <Button icon={<ReloadOutlined />} onClick={retryLoad}>
              重试
            </Button>
          }
        />
      ) : preview === null ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : (
        <>
          {changed ? (
            <Alert className="refund-preview-price-changed" type="warning" showIcon title={changed} style={{ marginBottom: 12 }} />
          ) : null}
          {preview.amountFen !== preview.requestedFen ? (
            <Alert
              className="refund-preview-changed"
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`会员申请时为 ${formatFen(preview.requestedFen)}，按订单现在的状态实际退回 ${formatFen(preview.amountFen)}`}
            />
          ) : null}
          <Descriptions className="refund-preview" size="small" column={1} bordered items={previewItems(preview)} />
          {preview.next === 'awaitReturn' ? (
            <Alert type="info" showIcon style={{ marginTop: 12 }} title="同意后会员需寄回商品；收到退货后，在「待退货」中确认收货并退款" />
          ) : null}
          {refund.status === 'awaitingReturn' ? (
            <Typography.Paragraph className="refund-preview-return" style={{ marginTop: 12, marginBottom: 0 }}>
              退货物流：
              {refund.returnShipment
                ? `${refund.returnShipment.carrier ? `${refund.returnShipment.carrier} ` : ''}${refund.returnShipment.waybillNo}`
                : '会员未填写'}
            </Typography.Paragraph>
          ) : null}
        </>
      )}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
