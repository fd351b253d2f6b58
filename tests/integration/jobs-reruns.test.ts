import { DAY_MS, HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import { planCredit } from '~/core/points/ledger-plans';
import { newLot, pendingLotId } from '~/core/points/lots';
import { newMember } from '~/core/members/new-member';
import { DEFAULT_PROGRAMME } from '~/core/tiers/default-programme';
import type { MemberDoc } from '~/types/documents';
import { CUT_OFF } from '~/server/jobs/run-job';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { JobName, JobsCloud } from './jobs-support';
import { all, effects, read, shanghai, startJobsCloud, subscribe, sweep, tick } from './jobs-support';
import { putStored } from '../support/stored';

/** 10:30 on 24 February 2027: birthdays up to 3 March (28 February standing in for the 29th), points of January expired, February's expiring. */
const AT = shanghai(2027, 2, 24, 10, 30);
const JOBS: JobName[] = ['job-review-tiers', 'job-birthday-coupons', 'job-comeback-coupons', 'job-expire-points', 'job-release-points'];
const PER_JOB = 40;
const YEAR = 365 * DAY_MS;

/** The same members, lots and payments in every cloud: work for each job on each of them. */
function seed(cloud: LocalCloud): void {
  const { store } = cloud;
  const joined = shanghai(2025, 6, 1);
  const add = (id: string, fields: Partial<MemberDoc>) => {
    putStored(cloud, 'members', {
      ...newMember({ _id: id, openid: `o-${id}`, memberNo: String(3_100_000_000 + store.count('members')), now: joined }),
      ...fields,
    });
    subscribe(cloud, id, 1);
  };
  store.atomically(() => {
    for (let i = 0; i < PER_JOB; i += 1) {
      // Review: a third keep gold, a third get the at-risk notice, a third drop after theirs; payers since yesterday are upgraded.
      const since = AT - YEAR - 20 * DAY_MS - i * MINUTE_MS;
      const notice = i % 3 === 2 ? { reviewAt: since + YEAR, noticedAt: AT - 15 * DAY_MS, downgradeAt: AT - DAY_MS } : null;
      add(`rv${i}`, { tierId: 'gold', tierSince: since, tierReviewAt: AT - (i % 5) * MINUTE_MS, tierNotice: notice });
      if (i % 3 === 0)
        store.insert('spend_records', { _id: `spend:rv${i}`, memberId: `rv${i}`, amountFen: 450_000, at: AT - 100 * DAY_MS });
      add(`up${i}`, {});
      store.insert('spend_records', { _id: `spend:up${i}`, memberId: `up${i}`, amountFen: 100_000 + i * 20_000, at: AT - 12 * HOUR_MS });

      const birthday = ['1990-02-24', '1991-02-28', '1992-02-29', '1993-03-01', '1994-03-03'][i % 5] as string;
      add(`bd${i}`, {
        birthday,
        birthdayMonthDay: Number(birthday.slice(5, 7)) * 100 + Number(birthday.slice(8)),
        tierId: ['normal', 'silver', 'gold', 'diamond'][i % 4] as string,
      });

      add(`cb${i}`, {
        consent: { marketing: true, updatedAt: joined },
        comebackDueAt: AT - (i % 4) * DAY_MS,
        ...(i % 3 === 0 ? { lastPaidAt: AT - 30 * DAY_MS } : {}),
      });

      // Points earned in January 2026 expired with January 2027; February's expire on the 28th.
      const earnedAt = i % 2 === 0 ? shanghai(2026, 1, 10) : shanghai(2026, 2, 10);
      const member = newMember({ _id: `px${i}`, openid: `o-px${i}`, memberNo: String(3_200_000_000 + i), now: joined });
      const posting = planCredit(
        { memberId: member._id, points: member.points, lots: new Map(), now: earnedAt },
        { kind: 'adjust', reason: '活动奖励', ref: { type: 'admin', id: 'seed' } },
        10 + i,
        DEFAULT_PROGRAMME.points.expiryMonths,
      );
      putStored(cloud, 'members', { ...member, points: posting.points });
      subscribe(cloud, member._id, 1);
      for (const lot of posting.lots) putStored(cloud, 'point_lots', lot);
      putStored(cloud, 'ledger_entries', { ...posting.entry, _id: `adjust:seed:${member._id}`, createdAt: earnedAt });

      // Purchase points whose return window closed in the last days.
      const buyer = newMember({ _id: `rl${i}`, openid: `o-rl${i}`, memberNo: String(3_300_000_000 + i), now: joined });
      const lot = newLot(
        {
          _id: pendingLotId(`earn:order:o${i}`),
          memberId: buyer._id,
          kind: 'pending',
          state: 'pending',
          expiresAt: shanghai(2028, 2, 29, 23, 59),
          remaining: 20 + i,
          earned: 20 + i,
          pendingUntil: AT - (i % 4) * DAY_MS,
          entryId: `earn:order:o${i}`,
        },
        joined,
      );
      putStored(cloud, 'members', {
        ...buyer,
        points: { ...buyer.points, pending: lot.remaining, lifetimeEarned: lot.remaining },
      });
      putStored(cloud, 'point_lots', lot);
    }
  });
}

/** A cloud with the population, and the jobs' batch size cut to a few items so a run spans many pages. */
async function seededCloud(dataDir?: string): Promise<JobsCloud> {
  const functionEnv = Object.fromEntries(JOBS.map((job) => [job, { LM_JOB_PAGE_SIZE: '5' }]));
  const jobs = await startJobsCloud({ functionEnv, ...(dataDir ? { dataDir } : {}) });
  if (!dataDir) seed(jobs.cloud);
  return jobs;
}

/** Everything but messages cut off by a crash: notifications are compared by id, and the outbox must hold no message twice. */
function withoutMessages(snapshot: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...snapshot };
  delete rest.notifications;
  delete rest.subscriptions;
  delete rest.outbox;
  return rest;
}

describe('timer jobs run twice, twice at once, or killed halfway end as one clean run', () => {
  let clean: Record<string, unknown>;
  let cleanNotifications: string[];
  const open: JobsCloud[] = [];

  beforeAll(async () => {
    const jobs = await seededCloud();
    open.push(jobs);
    for (const job of JOBS) {
      const runs = await sweep(jobs.cloud, job, AT);
      expect(runs.at(-1)).toMatchObject({ status: 'finished', failed: 0 });
    }
    clean = effects(jobs.cloud);
    cleanNotifications = all(jobs.cloud, 'notifications').map((doc) => doc._id);
  }, 120_000);
  afterAll(async () => {
    for (const jobs of open) await jobs.stop();
  });

  it('gives every job work on every member of its part of the population', () => {
    const count = (prefix: string) => (clean.coupon_instances as string[]).filter((text) => text.includes(`"_id":"${prefix}`)).length;
    expect(count('birthday:')).toBe(PER_JOB);
    const every = (step: number, from: number) => Array.from({ length: PER_JOB }, (_, i) => i).filter((i) => i % step === from).length;
    expect(count('comeback:')).toBe(PER_JOB - every(3, 0));
    expect((clean.tier_history as string[]).length).toBe(PER_JOB + every(3, 2));
    expect((clean.ledger_entries as string[]).filter((text) => text.includes('"kind":"expire"'))).toHaveLength(PER_JOB / 2);
    expect(cleanNotifications.filter((id) => id.startsWith('pointsExpiring:'))).toHaveLength(PER_JOB / 2);
    expect((clean.ledger_entries as string[]).filter((text) => text.includes('"kind":"release"'))).toHaveLength(PER_JOB);
  });

  it('changes nothing when a whole sweep is run again as of the same instant (a retry of the day)', async () => {
    const jobs = await seededCloud();
    open.push(jobs);
    for (const job of JOBS) await sweep(jobs.cloud, job, AT);
    for (const job of JOBS) {
      jobs.cloud.store.remove('job_state', job);
      const again = await sweep(jobs.cloud, job, AT);
      expect(again.reduce((sum, run) => sum + run.changed + run.failed, 0)).toBe(0);
    }
    expect(effects(jobs.cloud)).toEqual(clean);
  });

  it('lets one of two copies started at once work, and the sweep ends as one clean run', async () => {
    const jobs = await seededCloud();
    open.push(jobs);
    for (const job of JOBS) {
      const pair = await Promise.all([tick(jobs.cloud, job, AT), tick(jobs.cloud, job, AT)]);
      // One copy works; the other either meets its lease (skipped) or, when the first was done
      // before it started, finds the day's sweep finished (no run) — never a second run of work.
      const statuses = pair.map((run) => run?.status ?? 'none');
      expect({ job, finished: statuses.filter((status) => status === 'finished').length }).toEqual({ job, finished: 1 });
      expect(['skipped', 'none']).toContain(statuses.find((status) => status !== 'finished'));
      // A daily job rests for the rest of the day; the hourly one sweeps again and finds nothing left.
      const later = await tick(jobs.cloud, job, AT + MINUTE_MS);
      expect(later === null || (later.status === 'finished' && later.scanned === 0)).toBe(true);
    }
    expect(effects(jobs.cloud)).toEqual(clean);
  });

  it('finishes a run killed halfway on the next tick after its lease, without doing anything twice', async () => {
    let jobs = await seededCloud();
    open.push(jobs);
    for (const job of JOBS) {
      const running = tick(jobs.cloud, job, AT).catch((error: Error) => error);
      // Kill the instance (the whole local cloud) once the run has saved its cursor after a page or two.
      for (let i = 0; i < 5_000 && !read(jobs.cloud, 'job_state', job)?.cursor; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 1));
      expect(read(jobs.cloud, 'job_state', job)?.cursor).toBeTruthy();
      await jobs.halt();
      expect(await running).toBeInstanceOf(Error);
      open.pop();
      jobs = await seededCloud(jobs.dataDir);
      open.push(jobs);
      // The dead run still holds the lease: a tick within it is turned away, the first one after it continues the sweep.
      expect(await tick(jobs.cloud, job, AT + 30_000)).toMatchObject({ status: 'skipped' });
      const rest = await sweep(jobs.cloud, job, AT + 10 * MINUTE_MS);
      expect(rest.at(-1)).toMatchObject({ status: 'finished', sweepAsOf: AT, failed: 0 });
      const killed = all(jobs.cloud, 'job_runs').filter((run) => run.job === job && run.startedAt === AT);
      expect(killed).toEqual([expect.objectContaining({ status: 'failed', note: CUT_OFF })]);
    }
    const after = effects(jobs.cloud);
    expect(withoutMessages(after)).toEqual(withoutMessages(clean));
    // A message cut off by the kill (its quota unit taken, or recorded but not yet sent) stays unsent:
    // at most once, never twice, and at most the items in flight (8 per job) are affected.
    const notifications = all(jobs.cloud, 'notifications');
    const ids = notifications.map((doc) => doc._id);
    expect(ids.every((id) => cleanNotifications.includes(id))).toBe(true);
    const cutOff = cleanNotifications.length - ids.length + notifications.filter((doc) => doc.status === 'pending').length;
    expect(cutOff).toBeLessThanOrEqual(8 * JOBS.length);
    const outbox = after.outbox as string[];
    expect(new Set(outbox).size).toBe(outbox.length);
    expect(outbox.every((message) => (clean.outbox as string[]).includes(message))).toBe(true);
  }, 120_000);
});
