import fc from 'fast-check';
import {
  couponDayFigures,
  couponShares,
  dormantCount,
  nextSnapshot,
  pointsFlow,
  purchaseSequence,
  tierMoveCounts,
  writeOffCost,
} from './day-rollup';

describe('pointsFlow', () => {
  it('groups the kinds and nets what members hold', () => {
    const flow = pointsFlow({
      earn: 300,
      checkin: 25,
      profile: 100,
      release: 0,
      spend: -500,
      refund: 120,
      expire: -40,
      adjust: 10,
      clawback: -30,
    });
    expect(flow).toEqual({ issued: 425, redeemed: 380, expired: 40, other: -20, net: 425 - 380 - 40 - 20 });
  });

  it('nets to the sum of every kind', () => {
    const kinds = ['earn', 'release', 'checkin', 'profile', 'adjust', 'spend', 'refund', 'clawback', 'expire'] as const;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: kinds.length, maxLength: kinds.length }), (values) => {
        const byKind = Object.fromEntries(kinds.map((kind, i) => [kind, values[i]]));
        expect(pointsFlow(byKind).net).toBe(values.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('counts nothing on a quiet day', () => {
    expect(pointsFlow({})).toEqual({ issued: 0, redeemed: 0, expired: 0, other: 0, net: 0 });
  });
});

describe('tierMoveCounts', () => {
  const rank = (id: string) => ({ normal: 0, silver: 1, gold: 2 })[id] ?? 0;
  it('tells upgrades from downgrades by rank', () => {
    const moves = [
      { from: 'normal', to: 'gold' },
      { from: 'gold', to: 'silver' },
      { from: 'silver', to: 'silver' },
      { from: 'normal', to: 'silver' },
    ];
    expect(tierMoveCounts(moves, rank)).toEqual({ ups: 2, downs: 1 });
  });
});

describe('purchaseSequence', () => {
  it('numbers each member’s purchases after what they bought before the day', () => {
    const purchases = [
      { memberId: 'a', at: 3 },
      { memberId: 'a', at: 1 },
      { memberId: 'a', at: 2 },
      { memberId: 'b', at: 1 },
      { memberId: 'c', at: 5 },
    ];
    const prior = new Map([
      ['b', 1],
      ['c', 2],
    ]);
    // a: first, second, third; b: second; c: third or later.
    expect(purchaseSequence(purchases, prior)).toEqual({ first: 1, second: 2, repeat: 4 });
  });
});

describe('couponShares', () => {
  const cash = { id: 'c1', stackingGroup: 'g1', terms: { kind: 'cash' as const, thresholdFen: 0, amountFen: 1_000 } };
  const percent = { id: 'c2', stackingGroup: 'g2', terms: { kind: 'percent' as const, thresholdFen: 0, percentOff: 10, capFen: null } };
  const shipping = { id: 'c3', stackingGroup: 'ship', terms: { kind: 'shipping' as const, thresholdFen: 0 } };

  it('gives each coupon what checkout took off for it', () => {
    const shares = couponShares([cash, percent, shipping], {
      goodsSubtotalFen: 10_000,
      shippingFeeFen: 800,
      couponDiscountFen: 1_900,
      shippingDiscountFen: 800,
    });
    expect(Object.fromEntries(shares)).toEqual({ c1: 1_000, c2: 900, c3: 800 });
  });

  it('splits the order’s discount evenly when the coupons no longer apply as stored', () => {
    const high = { ...cash, terms: { kind: 'cash' as const, thresholdFen: 99_999, amountFen: 1_000 } };
    const shares = couponShares([high, percent], {
      goodsSubtotalFen: 5_000,
      shippingFeeFen: 0,
      couponDiscountFen: 1_001,
      shippingDiscountFen: 0,
    });
    expect(Object.fromEntries(shares)).toEqual({ c1: 501, c2: 500 });
  });

  it('prices a write-off at a cash coupon’s amount only', () => {
    expect(writeOffCost(cash.terms)).toBe(1_000);
    expect(writeOffCost(percent.terms)).toBe(0);
  });
});

describe('couponDayFigures', () => {
  it('adds issues, uses and cost per template, busiest first', () => {
    const rows = couponDayFigures(
      new Map([
        ['welcome', 3],
        ['birthday', 1],
      ]),
      [
        { templateId: 'welcome', discountFen: 1_000 },
        { templateId: 'comeback', discountFen: 1_500 },
        { templateId: 'welcome', discountFen: 1_000 },
      ],
      (id) => `券 ${id}`,
    );
    expect(rows).toEqual([
      { templateId: 'welcome', title: '券 welcome', issued: 3, used: 2, discountFen: 2_000 },
      { templateId: 'birthday', title: '券 birthday', issued: 1, used: 0, discountFen: 0 },
      { templateId: 'comeback', title: '券 comeback', issued: 0, used: 1, discountFen: 1_500 },
    ]);
  });
});

describe('dormantCount', () => {
  it('is everyone less recent joiners and recent payers, counting those who are both once', () => {
    expect(dormantCount({ total: 100, joinedInWindow: 20, paidInWindow: 30, joinedAndPaidInWindow: 5 })).toBe(55);
  });

  it('equals a direct count over any set of members', () => {
    const member = fc.record({ joinedRecently: fc.boolean(), paidRecently: fc.boolean() });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 60 }), (members) => {
        const count = (test: (m: { joinedRecently: boolean; paidRecently: boolean }) => boolean) => members.filter(test).length;
        expect(
          dormantCount({
            total: members.length,
            joinedInWindow: count((m) => m.joinedRecently),
            paidInWindow: count((m) => m.paidRecently),
            joinedAndPaidInWindow: count((m) => m.joinedRecently && m.paidRecently),
          }),
        ).toBe(count((m) => !m.joinedRecently && !m.paidRecently));
      }),
    );
  });
});

describe('nextSnapshot', () => {
  const quiet = {
    newMembers: 0,
    entryTierId: 'normal',
    deletedByTier: new Map<string, number>(),
    moves: [],
    pointsNet: 0,
    active30: 0,
    dormant: 0,
  };

  it('carries the lifecycle stages when profiles exist, and leaves them out before', () => {
    const byStage = { new: 1, active: 2, dormant: 3, churned: 4, wonBack: 5 };
    expect(nextSnapshot(null, { ...quiet, byStage }).byStage).toEqual(byStage);
    expect(nextSnapshot(null, quiet)).not.toHaveProperty('byStage');
  });

  it('starts the first day from nothing', () => {
    expect(nextSnapshot(null, { ...quiet, newMembers: 3, pointsNet: 50, active30: 1, dormant: 0 })).toEqual({
      membersTotal: 3,
      byTier: { normal: 3 },
      pointsOutstanding: 50,
      active30: 1,
      dormant: 0,
    });
  });

  it('carries the standing forward by the day’s joins, moves, deletions and points, dropping empty tiers', () => {
    const previous = { membersTotal: 10, byTier: { normal: 8, silver: 2 }, pointsOutstanding: 1_000, active30: 4, dormant: 1 };
    const next = nextSnapshot(previous, {
      ...quiet,
      newMembers: 2,
      moves: [
        { from: 'normal', to: 'gold' },
        { from: 'silver', to: 'normal' },
        { from: 'silver', to: 'normal' },
      ],
      deletedByTier: new Map([['gold', 1]]),
      pointsNet: -150,
      active30: 5,
      dormant: 2,
    });
    expect(next).toEqual({ membersTotal: 11, byTier: { normal: 11 }, pointsOutstanding: 850, active30: 5, dormant: 2 });
  });
});
