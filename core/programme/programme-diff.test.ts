import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '../tiers/default-programme';
import { applyDraft, draftOf } from './draft';
import { programmeDiff } from './programme-diff';

const base = { programme: DEFAULT_PROGRAMME, tiers: [...DEFAULT_TIERS] };

describe('programmeDiff', () => {
  it('is empty between equal versions', () => {
    expect(programmeDiff(base, applyDraft(base, draftOf(base)))).toEqual([]);
  });

  it('lists each changed rule, tiers first, with values as the admin reads them', () => {
    const draft = draftOf(base);
    const gold = draft.tiers[2] as (typeof draft.tiers)[number];
    gold.entrySpendFen = 600_000;
    gold.freeShippingThresholdFen = 19_900;
    gold.perks = ['会员价95折'];
    draft.checkIn.dailyPoints = 10;
    draft.coupons.comebackTemplateId = null;
    expect(programmeDiff(base, applyDraft(base, draft))).toEqual([
      { key: 'tiers.gold.entrySpendFen', label: '金卡会员 · 入会门槛', before: '¥5,000', after: '¥6,000' },
      { key: 'tiers.gold.freeShippingThresholdFen', label: '金卡会员 · 包邮门槛', before: '全场包邮', after: '满¥199' },
      {
        key: 'tiers.gold.perks',
        label: '金卡会员 · 展示权益',
        before: '会员价95折、积分1.5倍、生日礼券¥50、全场包邮',
        after: '会员价95折',
      },
      { key: 'checkIn.dailyPoints', label: '每日签到', before: '5积分', after: '10积分' },
      { key: 'coupons.comebackTemplateId', label: '回归券', before: 'comeback', after: '不发放' },
    ]);
  });

  it('shows rules the editor does not change when a restore brings them back, and tiers only one side has', () => {
    const older = {
      programme: { ...DEFAULT_PROGRAMME, tierReview: { ...DEFAULT_PROGRAMME.tierReview, windowDays: 180 } },
      tiers: DEFAULT_TIERS.slice(0, 3),
    };
    expect(programmeDiff(base, older)).toEqual([
      { key: 'tiers.diamond', label: '钻石会员', before: '有此等级', after: '（无此等级）' },
      { key: 'tierReview.windowDays', label: '等级消费统计周期', before: '365天', after: '180天' },
    ]);
  });
});
