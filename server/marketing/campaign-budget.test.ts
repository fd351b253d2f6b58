import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startUseCaseCloud } from '../../tests/support/use-cases';
import { stored } from '../../tests/support/stored';
import type { RequestContext } from '../runtime/wx';
import { releaseBudget, reserveBudget } from './campaign-budget';

const NOW = Date.UTC(2026, 10, 22, 2);

describe('campaign budget reservations through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const counter = (id: string) => stored(cloud, 'campaign_counters', id);

  it('never passes a cap under concurrent reservations, and a key holds one place however often it asks', async () => {
    const caps = [{ id: 'total:c1', cap: 5 }];
    const keys = Array.from({ length: 20 }, (_, i) => `campaign:c1:m${i}`);
    const answers = await Promise.all([...keys, ...keys].map((key) => reserveBudget(ctx(NOW), caps, key)));
    const granted = new Set(keys.filter((key) => answers[keys.indexOf(key)] || answers[keys.length + keys.indexOf(key)]));
    expect(granted.size).toBe(5);
    expect(counter('total:c1')).toMatchObject({ count: 5 });
    expect(new Set(counter('total:c1').keys)).toEqual(granted);
    // A retry of a granted key (after a crash before issuing) finds its place and takes no other.
    const first = [...granted][0] as string;
    expect(await reserveBudget(ctx(NOW), caps, first)).toBe(true);
    expect(counter('total:c1').count).toBe(5);
  });

  it('gives the earlier places back when a later cap refuses, so a refusal leaves no reservation', async () => {
    const caps = (memberId: string) => [
      { id: 'total:c2', cap: 10 },
      { id: 'day:c2:2026-11-22', cap: 10 },
      { id: `member:${memberId}:2026-11`, cap: 1 },
    ];
    expect(await reserveBudget(ctx(NOW), caps('m1'), 'campaign:other:m1')).toBe(true);
    // The member's month is full: total and day are given back.
    expect(await reserveBudget(ctx(NOW), caps('m1'), 'campaign:c2:m1')).toBe(false);
    expect(counter('total:c2')).toMatchObject({ count: 1, keys: ['campaign:other:m1'] });
    expect(counter('day:c2:2026-11-22')).toMatchObject({ count: 1, keys: ['campaign:other:m1'] });
    // Giving back twice takes nothing twice.
    await releaseBudget(ctx(NOW), ['total:c2'], 'campaign:other:m1');
    await releaseBudget(ctx(NOW), ['total:c2'], 'campaign:other:m1');
    expect(counter('total:c2')).toMatchObject({ count: 0, keys: [] });
  });

  it('a crash between two caps leaves a place the retry finds, then issues on it or gives it back', async () => {
    const caps = [
      { id: 'total:c3', cap: 1 },
      { id: 'member:m9:2026-11', cap: 1 },
    ];
    // The first attempt took the total place and crashed before the member cap.
    expect(await reserveBudget(ctx(NOW), caps.slice(0, 1), 'campaign:c3:m9')).toBe(true);
    // Another member cannot take the only place meanwhile.
    expect(await reserveBudget(ctx(NOW), [{ id: 'total:c3', cap: 1 }], 'campaign:c3:m8')).toBe(false);
    // The retry finds its place and completes.
    expect(await reserveBudget(ctx(NOW), caps, 'campaign:c3:m9')).toBe(true);
    expect(counter('total:c3')).toMatchObject({ count: 1, keys: ['campaign:c3:m9'] });
    expect(counter('member:m9:2026-11')).toMatchObject({ count: 1, keys: ['campaign:c3:m9'] });
  });
});
