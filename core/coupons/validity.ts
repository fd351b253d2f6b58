import type { CouponValidity } from '~/types/coupons';
import type { EpochMs } from '~/types/units';
import type { DayKey } from '../calendar/shanghai';
import { dayOf, startOfDay } from '../calendar/shanghai';
import { addCalendarDays, endOfShanghaiDay } from './calendar-days';

/** The instants an instance may be used between, both inclusive. */
export interface CouponWindow {
  validFrom: EpochMs;
  validTo: EpochMs;
}

/**
 * The last millisecond of `days` Shanghai calendar days counted from the day of `from` as
 * day 1: issued at 10:00 on 1 March with 7 days, it ends at 23:59:59.999 on 7 March.
 */
export function endOfRelativeDays(from: EpochMs, days: number): EpochMs {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number of at least 1, got ${days}`);
  return endOfShanghaiDay(addCalendarDays(dayOf(from), days - 1));
}

/** The window of a coupon issued at `issuedAt` under a template's validity. */
export function instanceWindow(validity: CouponValidity, issuedAt: EpochMs): CouponWindow {
  if (validity.type === 'fixed') return { validFrom: validity.from, validTo: validity.to };
  return { validFrom: issuedAt, validTo: endOfRelativeDays(issuedAt, validity.days) };
}

/**
 * Whether issuing under this validity now would give a coupon that can still be used: a
 * fixed window must not have ended; a relative one always gives a fresh window.
 */
export function validityStillOpen(validity: CouponValidity, now: EpochMs): boolean {
  return validity.type === 'relative' || now <= validity.to;
}

/**
 * A window around one Shanghai calendar day, from the start of `daysBefore` days earlier to
 * the end of `daysAfter` days later; the birthday coupon uses 7 before and 23 after.
 */
export function windowAroundDay(day: DayKey, daysBefore: number, daysAfter: number): CouponWindow {
  return { validFrom: startOfDay(addCalendarDays(day, -daysBefore)), validTo: endOfShanghaiDay(addCalendarDays(day, daysAfter)) };
}
