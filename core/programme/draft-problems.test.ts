import type { ProgrammeDraft } from '~/types/functions/admin-programme';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '../tiers/default-programme';
import { applyDraft, draftOf } from './draft';
import { draftProblems } from './draft-problems';

const base = { programme: DEFAULT_PROGRAMME, tiers: [...DEFAULT_TIERS] };
const context = {
  tierIds: DEFAULT_TIERS.map((tier) => tier._id),
  templateIds: new Set(['welcome', 'comeback', 'birthday-normal', 'birthday-silver', 'birthday-gold', 'birthday-diamond']),
};
const edited = (change: (draft: ProgrammeDraft) => void): ProgrammeDraft => {
  const draft = draftOf(base);
  change(draft);
  return draft;
};

describe('draftProblems', () => {
  it('accepts the default programme, and a draft of it changes nothing it does not show', () => {
    const draft = draftOf(base);
    expect(draftProblems(draft, context)).toEqual([]);
    expect(applyDraft(base, draft)).toEqual({ programme: DEFAULT_PROGRAMME, tiers: DEFAULT_TIERS });
  });

  it('wants entry thresholds rising with rank, keep at most entry and above zero, and the lowest tier at zero', () => {
    const draft = edited((d) => {
      (d.tiers[0] as ProgrammeDraft['tiers'][number]).entrySpendFen = 100;
      (d.tiers[2] as ProgrammeDraft['tiers'][number]).entrySpendFen = 100_000;
      (d.tiers[1] as ProgrammeDraft['tiers'][number]).keepSpendFen = 120_000;
      (d.tiers[3] as ProgrammeDraft['tiers'][number]).keepSpendFen = 0;
    });
    expect(draftProblems(draft, context)).toEqual([
      { field: 'tiers.0.entrySpendFen', message: '普通会员是最低等级，入会门槛须为0' },
      { field: 'tiers.1.keepSpendFen', message: '银卡会员的保级门槛不能高于入会门槛（¥1,000）' },
      { field: 'tiers.2.entrySpendFen', message: '金卡会员的入会门槛须高于银卡会员的入会门槛（¥1,000）' },
      { field: 'tiers.2.keepSpendFen', message: '金卡会员的保级门槛不能高于入会门槛（¥1,000）' },
      { field: 'tiers.3.keepSpendFen', message: '钻石会员的保级门槛须大于0' },
    ]);
  });

  it('wants keep thresholds rising with rank above the lowest tier', () => {
    const draft = edited((d) => {
      (d.tiers[2] as ProgrammeDraft['tiers'][number]).keepSpendFen = 80_000;
    });
    expect(draftProblems(draft, context)).toEqual([
      { field: 'tiers.2.keepSpendFen', message: '金卡会员的保级门槛须高于银卡会员的保级门槛（¥800）' },
    ]);
  });

  it('refuses percents and days out of range, names that are empty or repeated, and templates that do not exist', () => {
    const draft = edited((d) => {
      const [normal, silver] = d.tiers as [ProgrammeDraft['tiers'][number], ProgrammeDraft['tiers'][number]];
      normal.name = ' ';
      silver.name = '金卡会员';
      silver.memberPricePercent = 120;
      silver.birthdayCouponTemplateId = 'gone';
      d.points.maxRedeemPercent = 101;
      d.checkIn.streakDays = 1;
      d.tierReview.noticeDays = 40;
      d.coupons.welcomeTemplateId = 'nope';
    });
    expect(draftProblems(draft, context)).toEqual([
      { field: 'tiers.0.name', message: '第1级的名称不能为空' },
      { field: 'tiers.1.memberPricePercent', message: '金卡会员的会员价须在原价的50%–100%之间' },
      { field: 'tiers.1.birthdayCouponTemplateId', message: '金卡会员的生日礼券「gone」不存在，请先在优惠券页面创建' },
      { field: 'tiers.2.name', message: '等级名称「金卡会员」重复了' },
      { field: 'points.maxRedeemPercent', message: '积分最高抵扣须在商品金额的0%–100%之间' },
      { field: 'checkIn.streakDays', message: '连续签到天数须在2–31天之间' },
      { field: 'tierReview.noticeDays', message: '降级提醒的提前天数不能多于宽限期天数' },
      { field: 'coupons.welcomeTemplateId', message: '新人券「nope」不存在，请先在优惠券页面创建' },
    ]);
  });

  it('wants an RFM window of a month to two years and lifecycle stages in order, and carries them into the snapshot', () => {
    const draft = edited((d) => {
      d.marketing = { rfmWindowDays: 10, lifecycle: { newDays: 30, activeDays: 120, dormantDays: 100, wonBackDays: 0 } };
    });
    expect(draftProblems(draft, context)).toEqual([
      { field: 'marketing.rfmWindowDays', message: 'RFM统计周期须在30–730天之间' },
      { field: 'marketing.lifecycle.dormantDays', message: '沉睡期须长于活跃期（超过沉睡期才算流失）' },
      { field: 'marketing.lifecycle.wonBackDays', message: '回流期须在1–365天之间' },
    ]);
    const fine = edited((d) => {
      d.marketing = { rfmWindowDays: 180, lifecycle: { newDays: 14, activeDays: 60, dormantDays: 150, wonBackDays: 20 } };
    });
    expect(draftProblems(fine, context)).toEqual([]);
    expect(applyDraft(base, fine).programme.marketing).toEqual(fine.marketing);
    // A draft without them keeps the base's.
    expect(applyDraft(base, { ...fine, marketing: undefined }).programme.marketing).toEqual(base.programme.marketing);
  });

  it('refuses a ladder with tiers added, removed or reordered', () => {
    const removed = edited((d) => void d.tiers.pop());
    const reordered = edited((d) => d.tiers.reverse());
    for (const draft of [removed, reordered]) {
      expect(draftProblems(draft, context)).toContainEqual({ field: 'tiers', message: '会员等级须与现有等级一致，不能增删或调整顺序' });
    }
  });

  it('keeps what the editor does not show when a draft is applied', () => {
    const stored = {
      programme: { ...DEFAULT_PROGRAMME, tierReview: { ...DEFAULT_PROGRAMME.tierReview, windowDays: 180 } },
      tiers: [...DEFAULT_TIERS],
    };
    const draft = edited((d) => {
      d.checkIn.dailyPoints = 10;
      d.tierReview.graceDays = 20;
    });
    const applied = applyDraft(stored, draft);
    expect(applied.programme.tierReview).toEqual({ windowDays: 180, graceDays: 20, noticeDays: 14, maxDropPerReview: 1 });
    expect(applied.programme.checkIn.dailyPoints).toBe(10);
    expect(applied.programme.messages).toEqual(DEFAULT_PROGRAMME.messages);
    expect(applied.tiers.map((tier) => tier.rank)).toEqual([0, 1, 2, 3]);
  });
});
