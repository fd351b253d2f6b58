import type { CouponTerms } from '~/types/coupons';

/** The part of a coupon that decides what it can be combined with. */
export interface Stackable {
  id: string;
  terms: CouponTerms;
  stackingGroup: string;
}

/**
 * The slot a coupon takes on an order: one shipping coupon per order whatever its group,
 * and one goods coupon (cash or percent) per stacking group.
 */
export function stackingSlot(coupon: Pick<Stackable, 'terms' | 'stackingGroup'>): string {
  return coupon.terms.kind === 'shipping' ? 'shipping' : `goods:${coupon.stackingGroup}`;
}

/** Whether two coupons may be used on the same order. */
export function canStack(a: Stackable, b: Stackable): boolean {
  return a.id !== b.id && stackingSlot(a) !== stackingSlot(b);
}

/** Pairs of coupons in a selection that cannot be used together, each naming the later one; empty when the whole selection stacks. */
export function stackingConflicts(coupons: readonly Stackable[]): { id: string; conflictsWith: string }[] {
  const taken = new Map<string, string>();
  const conflicts: { id: string; conflictsWith: string }[] = [];
  for (const coupon of coupons) {
    const slot = stackingSlot(coupon);
    const holder = taken.get(slot);
    if (holder !== undefined) conflicts.push({ id: coupon.id, conflictsWith: holder });
    else taken.set(slot, coupon.id);
  }
  return conflicts;
}
