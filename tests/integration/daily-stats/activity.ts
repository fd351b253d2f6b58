import fc from 'fast-check';
import { HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import { newMember } from '~/core/members/new-member';
import { DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { CollectionName, Collections } from '~/types/collections';
import type { CouponInstanceDoc, CouponTemplateDoc } from '~/types/coupons';
import type { MemberDoc, TierChangeDoc } from '~/types/documents';
import type { OrderDoc } from '~/types/orders';
import type { LedgerEntryDoc, LedgerKind } from '~/types/points';
import type { StoreSaleDoc } from '~/types/staff';
import type { LocalCloud } from '../../../local-cloud/local-cloud';

/** The coupon templates the generated coupons come from. */
export const TEMPLATE_IDS = ['welcome', 'birthday', 'campaign'] as const;
const TIER_IDS = DEFAULT_TIERS.map((tier) => tier._id);
const KINDS: LedgerKind[] = ['earn', 'release', 'checkin', 'profile', 'adjust', 'spend', 'refund', 'clawback', 'expire'];

/** One generated happening: what, when in its span (a fraction), and numbers that pick whom and how much. */
export interface Happening {
  kind: 'join' | 'order' | 'sale' | 'points' | 'checkIn' | 'tierMove' | 'delete' | 'issue' | 'writeOff';
  at: number;
  pick: number;
  amount: number;
  flag: boolean;
}

const happening: fc.Arbitrary<Happening> = fc.record({
  kind: fc.constantFrom('join', 'join', 'order', 'order', 'sale', 'points', 'checkIn', 'tierMove', 'delete', 'issue', 'issue', 'writeOff'),
  at: fc.double({ min: 0, max: 0.999, noNaN: true }),
  pick: fc.nat(1_000),
  amount: fc.integer({ min: 1, max: 50_000 }),
  flag: fc.boolean(),
});

/** Activity before the tested days (members who joined up to 100 days before, some buying), then each tested day's morning and afternoon. */
export const activityArb = fc.record({
  history: fc.array(happening, { minLength: 10, maxLength: 40 }),
  days: fc.array(fc.record({ morning: fc.array(happening, { maxLength: 25 }), afternoon: fc.array(happening, { maxLength: 25 }) }), {
    minLength: 2,
    maxLength: 3,
  }),
});
export type Activity = typeof activityArb extends fc.Arbitrary<infer A> ? A : never;

type Doc<N extends CollectionName> = Collections[N];

/**
 * Applies generated happenings to a local cloud's store in time order, as the functions would
 * have written them (ids, times and cross-references consistent), keeping what it needs to pick
 * members and coupons. The stored documents carry the fields the rollup and the direct count read.
 */
export class ActivityWriter {
  private members: MemberDoc[] = [];
  private coupons: CouponInstanceDoc[] = [];
  private serial = 0;

  constructor(private readonly cloud: LocalCloud) {
    for (const id of TEMPLATE_IDS) {
      this.put('coupon_templates', { _id: id, title: `券 ${id}` } as unknown as CouponTemplateDoc);
    }
  }

  private put<N extends CollectionName>(collection: N, doc: Doc<N>): void {
    this.cloud.store.remove(collection, doc._id);
    this.cloud.store.insert(collection, { ...doc });
  }

  private id(prefix: string): string {
    this.serial += 1;
    return `${prefix}${String(this.serial).padStart(5, '0')}`;
  }

  /** Writes `happenings` spread over [from, to), in time order. */
  write(happenings: readonly Happening[], from: number, to: number): void {
    const timed = happenings.map((one, i) => ({ ...one, ms: Math.floor(from + one.at * (to - from)) + (i % 7) }));
    timed.sort((a, b) => a.ms - b.ms);
    this.cloud.store.atomically(() => {
      for (const one of timed) this.apply(one, Math.min(one.ms, to - 1));
    });
  }

  private pickMember(one: Happening, at: number): MemberDoc | null {
    const live = this.members.filter((member) => member.status === 'active' && member.joinedAt <= at);
    return live.length ? (live[one.pick % live.length] as MemberDoc) : null;
  }

  private issuedCoupon(memberId: string, at: number, pick: number): CouponInstanceDoc | null {
    const held = this.coupons.filter((coupon) => coupon.memberId === memberId && coupon.status === 'issued' && coupon.issuedAt < at);
    return held.length ? (held[pick % held.length] as CouponInstanceDoc) : null;
  }

  private useCoupon(coupon: CouponInstanceDoc, usedBy: string, at: number): void {
    Object.assign(coupon, { status: 'used', usedBy, usedAt: at, updatedAt: at });
    this.put('coupon_instances', coupon);
  }

  private markPaid(member: MemberDoc, at: number): void {
    member.lastPaidAt = Math.max(member.lastPaidAt ?? 0, at);
    this.put('members', member);
  }

  private apply(one: Happening, at: number): void {
    if (one.kind === 'join') {
      const id = this.id('m');
      const member = newMember({ _id: id, openid: `o-${id}`, memberNo: String(3_200_000_000 + this.serial), now: at });
      this.members.push(member);
      this.put('members', member);
      return;
    }
    const member = this.pickMember(one, at);
    if (!member) return;
    switch (one.kind) {
      case 'order': {
        const coupon = one.flag ? this.issuedCoupon(member._id, at, one.pick) : null;
        const amountOff = coupon?.terms.kind === 'cash' ? coupon.terms.amountFen : 0;
        const goodsSubtotalFen = one.amount + amountOff;
        const shippingFeeFen = one.pick % 2 ? 800 : 0;
        const order = {
          _id: this.id('o'),
          orderNo: `N${this.serial}`,
          memberId: member._id,
          status: 'paid',
          couponIds: coupon ? [coupon._id] : [],
          goodsSubtotalFen,
          shippingFeeFen,
          couponDiscountFen: amountOff,
          shippingDiscountFen: 0,
          payableFen: goodsSubtotalFen - amountOff + shippingFeeFen,
          paidAt: at,
          createdAt: at - MINUTE_MS,
        } as unknown as OrderDoc;
        this.put('orders', order);
        if (coupon) this.useCoupon(coupon, order._id, at);
        this.markPaid(member, at);
        return;
      }
      case 'sale': {
        const coupon = one.flag ? this.issuedCoupon(member._id, at, one.pick) : null;
        const couponDiscountFen = coupon?.terms.kind === 'cash' ? Math.min(coupon.terms.amountFen, one.amount) : 0;
        const id = this.id('s');
        const recorded = one.pick % 5 !== 0;
        const sale = {
          _id: id,
          key: id,
          memberId: member._id,
          storeId: 'store-a',
          amountFen: one.amount,
          couponInstanceId: coupon?._id ?? null,
          couponDiscountFen,
          paidFen: one.amount - couponDiscountFen,
          day: new Date(at + 8 * HOUR_MS).toISOString().slice(0, 10),
          status: recorded ? 'recorded' : 'failed',
          createdAt: at,
          updatedAt: at,
        } as unknown as StoreSaleDoc;
        this.put('store_sales', sale);
        if (coupon && recorded) this.useCoupon(coupon, sale.key, at);
        return;
      }
      case 'points':
      case 'checkIn': {
        const kind = one.kind === 'checkIn' ? 'checkin' : (KINDS[one.pick % KINDS.length] as LedgerKind);
        const signed = ['spend', 'clawback', 'expire'].includes(kind) || (kind === 'adjust' && one.flag) ? -1 : 1;
        const points = signed * (one.amount % 2_000);
        const pending = kind === 'earn' && one.flag ? points : kind === 'release' ? -points : 0;
        const entry = {
          _id: this.id('l'),
          memberId: member._id,
          kind,
          available: kind === 'earn' && one.flag ? 0 : points,
          pending,
          createdAt: at,
        } as unknown as LedgerEntryDoc;
        this.put('ledger_entries', entry);
        return;
      }
      case 'tierMove': {
        const to = TIER_IDS[one.pick % TIER_IDS.length] as string;
        if (to === member.tierId) return;
        const change: TierChangeDoc = {
          _id: this.id('t'),
          memberId: member._id,
          from: member.tierId,
          to,
          reason: 'upgrade',
          spendFen: 0,
          at,
        };
        this.put('tier_history', change);
        Object.assign(member, { tierId: to, tierSince: at });
        this.put('members', member);
        return;
      }
      case 'delete':
        if (one.pick % 3 !== 0) return;
        Object.assign(member, { status: 'deleted', deletedAt: at, openid: `deleted:${member._id}` });
        this.put('members', member);
        return;
      case 'issue': {
        const templateId = TEMPLATE_IDS[one.pick % TEMPLATE_IDS.length] as string;
        const coupon = {
          _id: this.id('c'),
          memberId: member._id,
          templateId,
          terms: { kind: 'cash', thresholdFen: 0, amountFen: 500 + (one.amount % 3) * 500 },
          stackingGroup: 'default',
          status: 'issued',
          usedBy: null,
          usedAt: null,
          issuedAt: at,
          updatedAt: at,
        } as unknown as CouponInstanceDoc;
        this.coupons.push(coupon);
        this.put('coupon_instances', coupon);
        return;
      }
      case 'writeOff': {
        const coupon = this.issuedCoupon(member._id, at, one.pick);
        if (coupon) this.useCoupon(coupon, `writeoff:${this.id('w')}`, at);
        return;
      }
    }
  }
}

/** Where the generated history starts: this many days before the first tested day. */
export const HISTORY_DAYS = 100;
