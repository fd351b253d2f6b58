import { createHash, randomInt } from 'node:crypto';
import { formatShanghai } from '~/core/coupons/calendar-days';
import type { EpochMs } from '~/types/units';

/** An order's id, derived from its member and the client's order key, so a retried placement finds the first order. */
export function orderIdOf(memberId: string, clientKey: string): string {
  return `o${createHash('sha256').update(`${memberId}\n${clientKey}`).digest('hex').slice(0, 24)}`;
}

/** The number members and staff read, and WeChat Pay's out_trade_no: Shanghai time to the second, then six random digits. */
export function newOrderNo(now: EpochMs): string {
  return `${formatShanghai(now, 'YYMMDDHHmmss')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** A refund's id, derived from its order and the client's refund key. */
export function refundIdOf(orderId: string, clientKey: string): string {
  return `r${createHash('sha256').update(`${orderId}\n${clientKey}`).digest('hex').slice(0, 24)}`;
}
