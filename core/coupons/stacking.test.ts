import type { CouponTerms } from '~/types/coupons';
import type { Stackable } from './stacking';
import { canStack, stackingConflicts, stackingSlot } from './stacking';

const cash: CouponTerms = { kind: 'cash', thresholdFen: 0, amountFen: 100 };
const pct: CouponTerms = { kind: 'percent', thresholdFen: 0, percentOff: 10, capFen: null };
const ship: CouponTerms = { kind: 'shipping', thresholdFen: 0 };
const c = (id: string, terms: CouponTerms, stackingGroup = 'default'): Stackable => ({ id, terms, stackingGroup });

describe('stacking', () => {
  it('gives shipping coupons one slot whatever their group, and goods coupons one slot per group', () => {
    expect(stackingSlot(c('a', ship, 'platform'))).toBe('shipping');
    expect(stackingSlot(c('a', ship, 'store'))).toBe('shipping');
    expect(stackingSlot(c('a', cash, 'store'))).toBe('goods:store');
    expect(stackingSlot(c('a', pct, 'store'))).toBe('goods:store');
  });

  it('lets coupons of different groups, and shipping with goods, be used together', () => {
    expect(canStack(c('a', cash, 'platform'), c('b', pct, 'store'))).toBe(true);
    expect(canStack(c('a', ship), c('b', cash))).toBe(true);
    expect(canStack(c('a', cash), c('b', pct))).toBe(false);
    expect(canStack(c('a', ship, 'x'), c('b', ship, 'y'))).toBe(false);
    expect(canStack(c('a', cash, 'x'), c('a', cash, 'y'))).toBe(false);
  });

  it('lists every coupon that collides with one chosen before it', () => {
    expect(stackingConflicts([c('a', cash), c('b', ship), c('c', pct), c('d', ship), c('e', cash, 'other')])).toEqual([
      { id: 'c', conflictsWith: 'a' },
      { id: 'd', conflictsWith: 'b' },
    ]);
    expect(stackingConflicts([])).toEqual([]);
    expect(stackingConflicts([c('a', cash), c('a', cash)])).toEqual([{ id: 'a', conflictsWith: 'a' }]);
  });
});
