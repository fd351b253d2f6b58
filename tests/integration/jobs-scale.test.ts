import { DAY_MS, MINUTE_MS } from '~/core/calendar/durations';
import type { JobRunDoc } from '~/types/jobs';
import { newMember } from '~/core/members/new-member';
import type { JobsCloud } from './jobs-support';
import { all, read, shanghai, startJobsCloud, tick } from './jobs-support';
import { putStored, stored } from '../support/stored';

const MEMBERS = 20_000;
/** Every tenth member has been away long enough for the coupon; the others paid recently and are only rescheduled. */
const AWAY = (i: number) => i % 10 === 0;
/** Every hundredth member (all of them away) subscribed to the comeback message. */
const SUBSCRIBED = (i: number) => i % 100 === 0;
const AT = shanghai(2026, 9, 1);
const id = (i: number) => `s${String(i).padStart(5, '0')}`;

describe('timer jobs at 20,000 members: cursor, lease and time budget', () => {
  let jobs: JobsCloud;

  beforeAll(async () => {
    jobs = await startJobsCloud({ functionEnv: { 'job-comeback-coupons': { LM_JOB_BUDGET_MS: '1000', LM_JOB_PAGE_SIZE: '200' } } });
    const { store } = jobs.cloud;
    // Straight into the store in one transaction, as a bulk import would.
    store.atomically(() => {
      for (let i = 0; i < MEMBERS; i += 1) {
        const joinedAt = AT - 400 * DAY_MS + (i % 97) * MINUTE_MS;
        const member = {
          ...newMember({ _id: id(i), openid: `o-${id(i)}`, memberNo: String(3_000_000_000 + i), now: joinedAt }),
          consent: { marketing: true, updatedAt: joinedAt },
          // Many members share a due date, so pages end inside runs of equal dates.
          comebackDueAt: AT - (i % 7) * DAY_MS,
          ...(AWAY(i) ? {} : { lastPaidAt: AT - 10 * DAY_MS - i }),
        };
        putStored(jobs.cloud, 'members', member);
        if (SUBSCRIBED(i)) store.insert('subscriptions', { _id: id(i), memberId: id(i), quota: { comebackCoupon: 1 }, updatedAt: 0 });
      }
    });
  });
  afterAll(() => jobs?.stop());

  it('finishes over several budget-limited invocations with every member handled exactly once, and a tick that overlaps a slow one kept out by the lease', async () => {
    const { cloud } = jobs;
    const runs: JobRunDoc[] = [];
    let overlapped = false;
    for (let i = 0; i < 100; i += 1) {
      const at = AT + i * MINUTE_MS;
      if (i === 2) {
        // A slow tick still holding the lease when the next fires: the next is turned away and changes nothing.
        const state = stored(cloud, 'job_state', 'job-comeback-coupons');
        cloud.store.replace('job_state', { ...state, leaseOwner: 'slow-run', leaseUntil: at + 10 * MINUTE_MS });
        expect(await tick(cloud, 'job-comeback-coupons', at)).toMatchObject({ status: 'skipped', scanned: 0, changed: 0 });
        expect(read(cloud, 'job_state', 'job-comeback-coupons')).toMatchObject({ cursor: state.cursor, leaseOwner: 'slow-run' });
        cloud.store.replace('job_state', { ...state });
        overlapped = true;
      }
      const run = await tick(cloud, 'job-comeback-coupons', at);
      if (!run) break;
      runs.push(run);
      if (run.status === 'finished') break;
    }
    expect(overlapped).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.slice(0, -1).every((run) => run.status === 'paused')).toBe(true);
    expect(runs.at(-1)?.status).toBe('finished');
    expect(new Set(runs.map((run) => run.sweepAsOf))).toEqual(new Set([AT]));
    // Each member was read and handled once: a page read twice or a member skipped would change the sum.
    expect(runs.reduce((sum, run) => sum + run.scanned, 0)).toBe(MEMBERS);
    expect(runs.reduce((sum, run) => sum + run.failed, 0)).toBe(0);
    expect(runs.reduce((sum, run) => sum + run.changed, 0)).toBe(MEMBERS / 10);

    const members = all(cloud, 'members');
    expect(members.filter((member) => (member.comebackDueAt as number) <= AT)).toEqual([]);
    const coupons = all(cloud, 'coupon_instances');
    const awayIds = members.filter((_, i) => AWAY(i)).map((member) => member._id);
    expect(coupons.map((coupon) => coupon.memberId).sort()).toEqual(awayIds.sort());
    // The subscribed members are all among those away, and each had one message of quota.
    expect(cloud.outbox.list(MEMBERS).length).toBe(MEMBERS / 100);
    expect(read(cloud, 'job_state', 'job-comeback-coupons')).toMatchObject({
      cursor: null,
      leaseOwner: null,
      sweepAsOf: null,
      lastSweepAsOf: AT,
    });
    // The day's sweep is done: later ticks that day have nothing to do.
    expect(await tick(cloud, 'job-comeback-coupons', AT + 3 * 60 * MINUTE_MS)).toBeNull();
  }, 180_000);
});
