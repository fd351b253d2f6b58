import type { CouponTemplateDoc } from '~/types/coupons';
import type { TierLadder } from './eligibility';
import { audienceBlock, claimBlock, issueBlock } from './eligibility';

const ORIGINAL_TZ = process.env.TZ;
const shanghai = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h - 8, min, s, ms);

const LADDER = ['normal', 'silver', 'gold', 'diamond'];
const NAMES: Record<string, string> = { normal: '普通会员', silver: '银卡会员', gold: '金卡会员', diamond: '钻石会员' };
const tiers: TierLadder = { rank: (id) => Math.max(0, LADDER.indexOf(id)), name: (id) => NAMES[id] ?? id };

const now = shanghai(2025, 6, 10, 12);
const member = { tierId: 'silver', joinedAt: shanghai(2024, 1, 1) };

function template(overrides: Partial<CouponTemplateDoc> = {}): CouponTemplateDoc {
  return {
    _id: 't1',
    title: '满199减30',
    description: '',
    terms: { kind: 'cash', thresholdFen: 19900, amountFen: 3000 },
    validity: { type: 'relative', days: 7 },
    totalStock: 100,
    stockRemaining: 50,
    perMemberLimit: 2,
    stackingGroup: 'default',
    audience: { type: 'all' },
    channel: 'centre',
    status: 'active',
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

describe('coupon eligibility', () => {
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  });

  describe('audience', () => {
    it('lets everyone in for `all`', () => {
      expect(audienceBlock({ type: 'all' }, member, tiers, now)).toBeNull();
    });

    it('lets a tier and every tier above it in, and names the tier to those below', () => {
      const gold = { type: 'minTier' as const, tierId: 'gold' };
      expect(audienceBlock(gold, { ...member, tierId: 'gold' }, tiers, now)).toBeNull();
      expect(audienceBlock(gold, { ...member, tierId: 'diamond' }, tiers, now)).toBeNull();
      expect(audienceBlock(gold, member, tiers, now)).toEqual({ code: 'NOT_ELIGIBLE', reason: '仅限金卡会员及以上领取' });
    });

    it('counts new-member days in Shanghai calendar days from the join day as day 1', () => {
      const joinedAt = shanghai(2025, 3, 1, 23, 30);
      const fresh = { tierId: 'normal', joinedAt };
      const audience = { type: 'newMembers' as const, withinDays: 7 };
      expect(audienceBlock(audience, fresh, tiers, shanghai(2025, 3, 7, 23, 59, 59, 999))).toBeNull();
      expect(audienceBlock(audience, fresh, tiers, shanghai(2025, 3, 8))).toEqual({
        code: 'NOT_ELIGIBLE',
        reason: '仅限入会7天内的新会员领取',
      });
    });
  });

  describe('claiming in the coupon centre', () => {
    it('lets an eligible member claim', () => {
      expect(claimBlock(template(), member, 0, tiers, now)).toBeNull();
      expect(claimBlock(template(), member, 1, tiers, now)).toBeNull();
    });

    it('asks a guest to join first', () => {
      expect(claimBlock(template(), null, 0, tiers, now)).toMatchObject({ code: 'NOT_A_MEMBER' });
    });

    it('refuses system templates, paused and ended templates, and fixed windows that are over', () => {
      expect(claimBlock(template({ channel: 'system' }), member, 0, tiers, now)).toMatchObject({ code: 'NOT_AVAILABLE' });
      expect(claimBlock(template({ status: 'paused' }), member, 0, tiers, now)).toEqual({ code: 'NOT_AVAILABLE', reason: '活动已暂停' });
      expect(claimBlock(template({ status: 'ended' }), member, 0, tiers, now)).toEqual({ code: 'NOT_AVAILABLE', reason: '活动已结束' });
      const over = template({ validity: { type: 'fixed', from: now - 10_000, to: now - 1 } });
      expect(claimBlock(over, member, 0, tiers, now)).toEqual({ code: 'NOT_AVAILABLE', reason: '活动已结束' });
      const ahead = template({ validity: { type: 'fixed', from: now + 10_000, to: now + 20_000 } });
      expect(claimBlock(ahead, member, 0, tiers, now)).toBeNull();
    });

    it('stops a member at the per-member limit, wording a limit of one as 已领取', () => {
      expect(claimBlock(template(), member, 2, tiers, now)).toEqual({ code: 'LIMIT_REACHED', reason: '每人限领2张，已领完' });
      expect(claimBlock(template({ perMemberLimit: 1 }), member, 1, tiers, now)).toEqual({ code: 'LIMIT_REACHED', reason: '已领取' });
    });

    it('says sold out when no stock is left, but 已领取 to a member who already has theirs', () => {
      expect(claimBlock(template({ stockRemaining: 0 }), member, 0, tiers, now)).toEqual({ code: 'OUT_OF_STOCK', reason: '已抢光' });
      expect(claimBlock(template({ stockRemaining: 0, perMemberLimit: 1 }), member, 1, tiers, now)).toMatchObject({
        code: 'LIMIT_REACHED',
      });
      expect(claimBlock(template({ totalStock: null, stockRemaining: null }), member, 0, tiers, now)).toBeNull();
    });

    it('checks the audience before stock and limits', () => {
      const gold = template({ audience: { type: 'minTier', tierId: 'gold' }, stockRemaining: 0 });
      expect(claimBlock(gold, member, 5, tiers, now)).toMatchObject({ code: 'NOT_ELIGIBLE' });
    });
  });

  describe('system issuance', () => {
    it('issues from system and centre templates alike, with no per-member limit', () => {
      expect(issueBlock(template({ channel: 'system' }), member, tiers, now)).toBeNull();
      expect(issueBlock(template({ perMemberLimit: 1 }), member, tiers, now)).toBeNull();
    });

    it('refuses paused, ended, sold-out and out-of-audience templates', () => {
      expect(issueBlock(template({ status: 'paused' }), member, tiers, now)).toMatchObject({ code: 'NOT_AVAILABLE' });
      expect(issueBlock(template({ status: 'ended' }), member, tiers, now)).toMatchObject({ code: 'NOT_AVAILABLE' });
      expect(issueBlock(template({ stockRemaining: 0 }), member, tiers, now)).toMatchObject({ code: 'OUT_OF_STOCK' });
      expect(issueBlock(template({ audience: { type: 'newMembers', withinDays: 7 } }), member, tiers, now)).toMatchObject({
        code: 'NOT_ELIGIBLE',
      });
    });
  });
});
