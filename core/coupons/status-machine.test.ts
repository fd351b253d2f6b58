import type { CouponStatus } from '~/types/coupons';
import type { CouponEvent } from './status-machine';
import { COUPON_STATE_TEXT, couponStateAt, isUsableAt, nextStatus } from './status-machine';

const STATUSES: CouponStatus[] = ['issued', 'locked', 'used', 'expired', 'voided'];
const EVENTS: CouponEvent[] = ['lock', 'use', 'release', 'restore', 'expire', 'void'];

describe('coupon status machine', () => {
  it('allows exactly issued→locked→used, locked→issued (release), used→issued (restore), issued→expired and issued→voided', () => {
    const allowed = STATUSES.flatMap((from) => EVENTS.map((event) => [from, event, nextStatus(from, event)] as const)).filter(
      ([, , to]) => to !== null,
    );
    expect(allowed).toEqual([
      ['issued', 'lock', 'locked'],
      ['issued', 'expire', 'expired'],
      ['issued', 'void', 'voided'],
      ['locked', 'use', 'used'],
      ['locked', 'release', 'issued'],
      ['used', 'restore', 'issued'],
    ]);
  });

  it('keeps expired and voided final, and a used coupon final but for a full refund', () => {
    expect(EVENTS.filter((event) => nextStatus('used', event) !== null)).toEqual(['restore']);
    for (const final of ['expired', 'voided'] as const) {
      for (const event of EVENTS) expect(nextStatus(final, event)).toBeNull();
    }
  });

  describe('state at a moment', () => {
    const window = { validFrom: 1_000, validTo: 2_000 };

    it('is usable inside the window, both ends included', () => {
      expect(couponStateAt({ status: 'issued', ...window }, 1_000)).toBe('usable');
      expect(couponStateAt({ status: 'issued', ...window }, 2_000)).toBe('usable');
      expect(isUsableAt({ status: 'issued', ...window }, 1_500)).toBe(true);
    });

    it('is expired past its window even while the stored status still says issued', () => {
      expect(couponStateAt({ status: 'issued', ...window }, 2_001)).toBe('expired');
      expect(isUsableAt({ status: 'issued', ...window }, 2_001)).toBe(false);
    });

    it('is not started before its window', () => {
      expect(couponStateAt({ status: 'issued', ...window }, 999)).toBe('notStarted');
      expect(isUsableAt({ status: 'issued', ...window }, 999)).toBe(false);
    });

    it('keeps a locked coupon locked past its window, and shows stored final states as they are', () => {
      expect(couponStateAt({ status: 'locked', ...window }, 5_000)).toBe('locked');
      expect(isUsableAt({ status: 'locked', ...window }, 1_500)).toBe(false);
      for (const status of ['used', 'expired', 'voided'] as const) expect(couponStateAt({ status, ...window }, 1_500)).toBe(status);
    });

    it('has a Chinese label for every state', () => {
      expect(COUPON_STATE_TEXT).toEqual({
        usable: '可使用',
        notStarted: '未生效',
        locked: '使用中',
        used: '已使用',
        expired: '已过期',
        voided: '已作废',
      });
    });
  });
});
