import { DEFAULT_COUPON_TEMPLATES } from '../coupons/default-templates';
import { DEFAULT_PROGRAMME } from '../tiers/default-programme';
import { defaultRewardDocs } from './default-rewards';

const NOW = Date.UTC(2026, 11, 7);

describe('the default points mall', () => {
  const rewards = defaultRewardDocs(NOW);

  it('issues coupons from system templates of the default programme', () => {
    for (const reward of rewards) {
      const template = DEFAULT_COUPON_TEMPLATES.find((input) => input.templateId === reward.couponTemplateId);
      expect({ reward: reward._id, kind: reward.kind, channel: template?.channel }).toEqual({
        reward: reward._id,
        kind: 'coupon',
        channel: 'system',
      });
    }
  });

  it('has a reward a new member reaches in their first week without buying anything, and one soon after', () => {
    const { checkIn, profileBonusPoints } = DEFAULT_PROGRAMME;
    const firstWeek = profileBonusPoints + 7 * checkIn.dailyPoints + checkIn.streakBonusPoints;
    const costs = rewards.map((reward) => reward.pointsCost).sort((a, b) => a - b);
    expect(costs[0]).toBeLessThanOrEqual(firstWeek);
    expect(costs[1]).toBeLessThanOrEqual(2 * firstWeek + 100);
    expect(rewards.every((reward) => reward.perMemberLimit === 1 && reward.status === 'active')).toBe(true);
  });
});
