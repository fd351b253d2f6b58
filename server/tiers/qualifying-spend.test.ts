import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import { memberTierProgress, recordQualifyingSpend } from './qualifying-spend';
import { DAY_MS } from '~/core/calendar/durations';
import { stored } from '../../tests/support/stored';

const NOW = Date.UTC(2026, 10, 22, 2);

describe('qualifying spend and tier upgrades through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const member = (id: string) => stored(cloud, 'members', id);

  it('upgrades at once when a payment crosses a threshold, once even for concurrent payments, and records it once per source', async () => {
    addMember(cloud, 'spender', NOW);
    await recordQualifyingSpend(ctx(NOW), { memberId: 'spender', sourceId: 'order:a', amountFen: 60_000 });
    expect(member('spender').tierId).toBe('normal');
    const results = await Promise.all([
      recordQualifyingSpend(ctx(NOW + 1), { memberId: 'spender', sourceId: 'order:b', amountFen: 30_000 }),
      recordQualifyingSpend(ctx(NOW + 1), { memberId: 'spender', sourceId: 'order:c', amountFen: 20_000 }),
      recordQualifyingSpend(ctx(NOW + 1), { memberId: 'spender', sourceId: 'order:c', amountFen: 20_000 }),
    ]);
    expect(results.filter((r) => r.upgradedTo === 'silver').length).toBeLessThanOrEqual(1);
    expect(member('spender')).toMatchObject({ tierId: 'silver', tierSince: NOW + 1 });
    expect(cloud.store.count('tier_history')).toBe(1);
    // The duplicate source counted once: 600 + 300 + 200 yuan.
    const { progress, history } = await memberTierProgress(ctx(NOW + 2), member('spender'));
    expect(progress).toMatchObject({ spendFen: 110_000, toNextFen: 390_000, toKeepFen: 0, downgradeAt: null });
    expect(history.map((h) => [h.from, h.to])).toEqual([['normal', 'silver']]);
  });

  it('counts only the rolling window and shows when a drop would happen', async () => {
    addMember(cloud, 'lapsed', NOW - 400 * DAY_MS, { tierId: 'gold', tierSince: NOW - 300 * DAY_MS });
    await recordQualifyingSpend(ctx(NOW - 380 * DAY_MS), { memberId: 'lapsed', sourceId: 'order:old', amountFen: 600_000 });
    await recordQualifyingSpend(ctx(NOW - 10 * DAY_MS), { memberId: 'lapsed', sourceId: 'order:new', amountFen: 100_000 });
    const { progress } = await memberTierProgress(ctx(NOW), member('lapsed'));
    expect(progress).toMatchObject({ spendFen: 100_000, toKeepFen: 300_000, reviewAt: NOW + 65 * DAY_MS, downgradeAt: NOW + 95 * DAY_MS });
  });
});
