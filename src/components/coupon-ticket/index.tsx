import type { ReactNode } from 'react';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CouponFace } from '~/types/functions/coupons';
import './index.scss';

interface CouponTicketProps {
  face: CouponFace;
  title: string;
  /** Validity in words: 「领取后7天内有效」 or a date range. */
  validityText: string;
  /** Usage rules, shown when the member opens them. */
  rules: string;
  /** Small labels under the title, e.g. 「金卡会员及以上专享」. */
  tags?: string[];
  /** Why the member got it, as a small line under the title (campaign coupons). */
  reason?: string;
  /** Greyed out: used, expired or voided. */
  faded?: boolean;
  /** The button or stamp on the right. */
  action?: ReactNode;
  className?: string;
}

/** A coupon as a ticket: value on the left, title and validity in the middle, the action on the right. */
export function CouponTicket({ face, title, validityText, rules, tags = [], reason, faded = false, action, className }: CouponTicketProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className={`coupon-ticket${faded ? ' coupon-ticket--faded' : ''}${className ? ` ${className}` : ''}`}>
      <View className="coupon-ticket__body">
        <View className="coupon-ticket__value">
          <Text className="coupon-ticket__headline coupon-headline">{face.headline}</Text>
          <Text className="coupon-ticket__condition">{face.condition}</Text>
        </View>
        <View className="coupon-ticket__info">
          <Text className="coupon-ticket__title coupon-title">{title}</Text>
          {tags.map((tag) => (
            <Text className="coupon-ticket__tag" key={tag}>
              {tag}
            </Text>
          ))}
          {reason ? <Text className="coupon-ticket__reason coupon-reason">{reason}</Text> : null}
          <Text className="coupon-ticket__validity">{validityText}</Text>
        </View>
        {action ? <View className="coupon-ticket__action">{action}</View> : null}
      </View>
      {rules ? (
        <View className="coupon-ticket__rules" onClick={() => setOpen(!open)}>
          <Text className="coupon-ticket__rules-toggle">{open ? '收起使用规则' : '查看使用规则'}</Text>
          {open ? <Text className="coupon-ticket__rules-text coupon-rules">{rules}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
