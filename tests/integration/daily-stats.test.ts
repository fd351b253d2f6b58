import fc from 'fast-check';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import { startOfDay } from '~/core/calendar/shanghai';
import type { DailyStatsDoc } from '~/types/stats';
import { activityArb, ActivityWriter, HISTORY_DAYS } from './daily-stats/activity';
import { directCount } from './daily-stats/direct-count';
import { startJobsCloud } from './jobs-support';
import type { JobsCloud } from './jobs-support';
import { allStored, storedOrNull } from '../support/stored';

const FIRST_DAY = '2026-06-10';
const RUNS = 3;

/** A rollup's figures, coupons in template order (the job lists the busiest first). */
const figures = (doc: DailyStatsDoc | null) =>
  doc && {
    flow: { ...doc.flow, coupons: [...doc.flow.coupons].sort((a, b) => a.templateId.localeCompare(b.templateId)) },
    snapshot: doc.snapshot,
  };
const withoutWriteTime = (docs: DailyStatsDoc[]) => docs.map(({ writtenAt: _writtenAt, ...doc }) => doc);

describe('job-daily-stats (property, through the built bundle)', () => {
  let on: JobsCloud | null = null;
  afterEach(async () => {
    await on?.stop();
    on = null;
  });

  const tick = async (at: number) => {
    const answer = (await on?.cloud.runTimer('job-daily-stats', at)) as { ok: boolean; data: { status: string } | null };
    expect(answer).toMatchObject({ ok: true, data: { status: 'finished' } });
  };
  const rollup = (day: string) => storedOrNull((on as JobsCloud).cloud, 'daily_stats', day);

  it('writes for every day what a direct count over that day finds, partial while the day runs, and rewrites it the same', async () => {
    const started = Date.now();
    let checkedDays = 0;
    await fc.assert(
      fc.asyncProperty(activityArb, async (activity) => {
        await on?.stop();
        on = await startJobsCloud();
        const { cloud } = on;
        const writer = new ActivityWriter(cloud);
        const first = startOfDay(FIRST_DAY);
        writer.write(activity.history, first - HISTORY_DAYS * DAY_MS, first);

        for (const [k, { morning, afternoon }] of activity.days.entries()) {
          const from = first + k * DAY_MS;
          const day = new Date(from + 8 * HOUR_MS).toISOString().slice(0, 10);
          const noon = from + 12 * HOUR_MS;
          writer.write(morning, from, noon);
          await tick(noon);
          expect(rollup(day)).toMatchObject({ partial: true, asOf: noon });
          expect(figures(rollup(day))).toEqual(directCount(cloud, day, from, noon));

          writer.write(afternoon, noon, from + DAY_MS);
          await tick(from + DAY_MS + 5 * MINUTE_MS);
          expect(rollup(day)).toMatchObject({ partial: false, asOf: from + DAY_MS });
          expect(figures(rollup(day))).toEqual(directCount(cloud, day, from, from + DAY_MS));
          checkedDays += 1;
        }

        // Rerunning rewrites the same figures: another tick at the same instant, then again with the last final day removed
        // (an older day rewritten after members paid again would count them by their later payment: see collectDay).
        const end = first + activity.days.length * DAY_MS + 5 * MINUTE_MS;
        const written = withoutWriteTime(allStored(cloud, 'daily_stats'));
        await tick(end);
        expect(withoutWriteTime(allStored(cloud, 'daily_stats'))).toEqual(written);
        const finals = allStored(cloud, 'daily_stats').filter((doc) => !doc.partial);
        for (const doc of finals.slice(-1)) cloud.store.remove('daily_stats', doc._id);
        await tick(end);
        expect(withoutWriteTime(allStored(cloud, 'daily_stats'))).toEqual(written);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(
      `daily stats property: ${RUNS} runs, ${checkedDays} days checked against direct counts, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 240_000);

  it('runs on its timer only, writing nothing for anyone else', async () => {
    on = await startJobsCloud();
    const { cloud } = on;
    expect(await cloud.invoke('job-daily-stats', { Type: 'Timer' }, { source: 'wx_client', openid: 'o-someone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_TIMER' },
    });
    expect(cloud.store.count('daily_stats')).toBe(0);
  });
});
