import type { CouponRow } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { ReasonModal } from '../../components/reason-modal';

/** Inputs of the void dialog. */
export interface VoidCouponModalProps {
  coupon: CouponRow;
  onClose: () => void;
  onDone: () => void;
}

/** Voids a member's unused coupon with a reason; voiding it again changes nothing. */
export function VoidCouponModal({ coupon, onClose, onDone }: VoidCouponModalProps) {
  const { client, token } = useAdminApi();
  return (
    <ReasonModal
      className="void-coupon-modal"
      inputClassName="void-reason"
      title={`作废优惠券 · ${coupon.title}`}
      okText="作废"
      summary="作废后会员不能再使用这张券，此操作不可撤销。"
      noun="作废原因"
      placeholder="例如：发放错误"
      minLength={1}
      send={(reason) => client.call('voidCoupon', { token, instanceId: coupon.id, reason })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
