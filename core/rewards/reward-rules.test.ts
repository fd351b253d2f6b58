import { rewardInput } from '~/types/functions/admin-rewards';
import { buildRewardDoc, changedRewardFields, rewardFieldsOf, toAdminRewardRow } from './reward-rules';

const NOW = Date.UTC(2026, 11, 7);
const input = rewardInput.parse({ rewardId: 'tote', title: '帆布袋', category: '周边', kind: 'pickup', pointsCost: 500, initialStock: 20 });

describe('rewards made and edited by an admin', () => {
  it('start off the shelf with full stock and nothing redeemed', () => {
    const reward = buildRewardDoc(input, NOW);
    expect(reward).toMatchObject({ _id: 'tote', status: 'paused', totalStock: 20, stockRemaining: 20, cashFen: 0, couponTemplateId: null });
    expect(toAdminRewardRow({ ...reward, stockRemaining: 17 }).redeemedCount).toBe(3);
  });

  it('see only the form fields an edit changes, never stock or shelf state', () => {
    const reward = buildRewardDoc(input, NOW);
    expect(changedRewardFields(reward, rewardFieldsOf(input))).toEqual([]);
    const taken = { ...reward, stockRemaining: 1, status: 'active' as const };
    expect(changedRewardFields(taken, rewardFieldsOf(input))).toEqual([]);
    expect(changedRewardFields(reward, rewardFieldsOf({ ...input, pointsCost: 600, sort: 3 }))).toEqual(['pointsCost', 'sort']);
  });

  it('refuse inconsistent kinds, prices and windows with Chinese messages', () => {
    const problems = (fields: Record<string, unknown>) =>
      rewardInput
        .safeParse({ rewardId: 'tote', title: '帆布袋', category: '周边', kind: 'pickup', pointsCost: 500, ...fields })
        .error?.issues.map((issue) => issue.message);
    expect(problems({ kind: 'coupon' })).toEqual(['优惠券礼品须选择券模板']);
    expect(problems({ kind: 'pointsCash' })).toEqual(['积分+现金礼品须填写到店支付的金额']);
    expect(problems({ cashFen: 100 })).toEqual(['只有积分+现金礼品需要支付现金']);
    expect(problems({ availableFrom: 2_000, availableTo: 2_000 })).toEqual(['兑换结束时间须晚于开始时间']);
    expect(problems({ imageUrl: 'ftp://x' })).toEqual(['图片地址须以 /media/、https:// 或 cloud:// 开头']);
    expect(problems({ kind: 'pointsCash', cashFen: 990 })).toBeUndefined();
  });
});
