import { Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import type { CheckoutCoupon } from '~/types/functions/orders';
import { CouponTicket } from '~/src/components/coupon-ticket';
import { formatDate } from '~/src/utils/date';
import { formatYuan } from '~/core/money/format';
import './coupon-picker.scss';

interface CouponPickerProps {
  visible: boolean;
  coupons: CheckoutCoupon[];
  /** True while the preview with the new choice is on its way. */
  updating: boolean;
  onChange: (couponIds: string[]) => void;
  onClose: () => void;
}

/** The checkout's coupon sheet: usable coupons to tick, and the others with why they do not apply to this order. */
export function CouponPicker({ visible, coupons, updating, onChange, onClose }: CouponPickerProps) {
  const selected = coupons.filter((coupon) => coupon.selected).map((coupon) => coupon.id);
  const usable = coupons.filter((coupon) => coupon.unusableReason === null || coupon.selected);
  const unusable = coupons.filter((coupon) => coupon.unusableReason !== null && !coupon.selected);
  const toggle = (coupon: CheckoutCoupon) => {
    if (updating) return;
    onChange(coupon.selected ? selected.filter((id) => id !== coupon.id) : [...selected, coupon.id]);
  };

  return (
    <Popup visible={visible} position="bottom" round onClose={onClose} className="coupon-popup">
      <View className="coupon-picker">
        <View className="coupon-picker__head">
          <Text className="coupon-picker__title">选择优惠券</Text>
          <Text className="coupon-picker__close" onClick={onClose}>
            完成
          </Text>
        </View>
        <View className="coupon-picker__list">
          {coupons.length === 0 ? <Text className="coupon-picker__empty">暂无优惠券，去领券中心看看吧</Text> : null}
          {usable.length > 0 ? <Text className="coupon-picker__group">可用优惠券（{usable.length}）</Text> : null}
          {usable.map((coupon) => (
            <View key={coupon.id} className="checkout-coupon checkout-coupon--usable" onClick={() => toggle(coupon)}>
              <CouponTicket
                face={{ headline: coupon.faceText, condition: coupon.conditionText }}
                title={coupon.title}
                validityText={`有效期至 ${formatDate(coupon.validTo, 'YYYY.MM.DD HH:mm')}`}
                rules=""
                tags={coupon.discountFen > 0 ? [`本单可减${formatYuan(coupon.discountFen)}`] : []}
                action={<View className={`checkout-coupon__tick coupon-tick${coupon.selected ? ' checkout-coupon__tick--on' : ''}`} />}
              />
            </View>
          ))}
          {unusable.length > 0 ? <Text className="coupon-picker__group">本单不可用（{unusable.length}）</Text> : null}
          {unusable.map((coupon) => (
            <View key={coupon.id} className="checkout-coupon checkout-coupon--unusable">
              <CouponTicket
                face={{ headline: coupon.faceText, condition: coupon.conditionText }}
                title={coupon.title}
                validityText={`有效期至 ${formatDate(coupon.validTo, 'YYYY.MM.DD HH:mm')}`}
                rules=""
                tags={[coupon.unusableReason as string]}
                faded
              />
            </View>
          ))}
        </View>
        {selected.length > 0 ? (
          <View className="coupon-picker__none coupon-none" onClick={() => !updating && onChange([])}>
            <Text>不使用优惠券</Text>
          </View>
        ) : null}
      </View>
    </Popup>
  );
}
