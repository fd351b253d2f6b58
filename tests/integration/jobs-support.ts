import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINUTE_MS } from '~/core/calendar/durations';
import { defaultCouponTemplateDocs } from '~/core/coupons/default-templates';
import { newMember } from '~/core/members/new-member';
import { DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { MemberDoc } from '~/types/documents';
import type { JobRunDoc } from '~/types/jobs';
import type { SubscriptionTopic } from '~/types/notify';
import { SUBSCRIPTION_TOPICS } from '~/types/notify';
import type { LocalCloud, LocalCloudOptions } from '../../local-cloud/local-cloud';
import { startLocalCloud } from '../../local-cloud/local-cloud';
import { ROOT } from '../support/local-cloud';
import { allStored, putStored, storedOrNull } from '../support/stored';

/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
export function shanghai(year: number, month: number, day: number, hour = 10, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute);
}

/** The timer jobs this suite drives. */
export type JobName = 'job-review-tiers' | 'job-birthday-coupons' | 'job-comeback-coupons' | 'job-expire-points' | 'job-release-points';

/** A local cloud on a data folder of the test's choosing, so a test can stop it mid-run and start another on the same data. */
export interface JobsCloud {
  cloud: LocalCloud;
  dataDir: string;
  /** Stops this cloud, keeping the data. */
  halt(): Promise<void>;
  /** Stops this cloud and removes the data. */
  stop(): Promise<void>;
}

/** Starts the local cloud with the built bundles on `dataDir` (a fresh folder by default), with the default coupon templates and tiers. */
export async function startJobsCloud(options: Partial<LocalCloudOptions> & { dataDir?: string } = {}): Promise<JobsCloud> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lm-jobs-'));
  const cloud = await startLocalCloud({ root: ROOT, timers: false, log: () => undefined, ...options, dataDir });
  if (cloud.store.count('coupon_templates') === 0) {
    cloud.store.atomically(() => {
      for (const doc of defaultCouponTemplateDocs(Date.UTC(2020, 0, 1))) putStored(cloud, 'coupon_templates', doc);
      for (const tier of DEFAULT_TIERS) putStored(cloud, 'tiers', tier);
    });
  }
  return {
    cloud,
    dataDir,
    halt: () => cloud.stop(),
    async stop() {
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A member inserted straight into the store, with the given fields over a fresh record. */
export function seedMember(cloud: LocalCloud, id: string, joinedAt: number, fields: Partial<MemberDoc> = {}): MemberDoc {
  const member = {
    ...newMember({ _id: id, openid: `o-${id}`, memberNo: String(3_000_000_000 + cloud.store.count('members')), now: joinedAt }),
    ...fields,
  };
  putStored(cloud, 'members', member);
  return member;
}

/** The member granted `count` messages of each topic (as accepted prompts would). */
export function subscribe(
  cloud: LocalCloud,
  memberId: string,
  count = 1,
  topics: readonly SubscriptionTopic[] = SUBSCRIPTION_TOPICS,
): void {
  const quota = Object.fromEntries(SUBSCRIPTION_TOPICS.map((topic) => [topic, topics.includes(topic) ? count : 0]));
  cloud.store.insert('subscriptions', { _id: memberId, memberId, quota, updatedAt: 0 });
}

/** A stored document, or null. */
export const read = storedOrNull;

/** Every document of a collection, by `_id`. */
export const all = allStored;

/** Fires a job's timer as of `at` and answers its run (null: a daily job with nothing left today). */
export async function tick(cloud: LocalCloud, job: JobName, at: number): Promise<JobRunDoc | null> {
  const result = (await cloud.runTimer(job, at)) as { ok: boolean; data: JobRunDoc | null; error?: unknown };
  if (!result.ok) throw new Error(`${job}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Ticks until the sweep in progress (or a new one) is finished; answers every run. */
export async function sweep(cloud: LocalCloud, job: JobName, at: number, maxTicks = 200): Promise<JobRunDoc[]> {
  const runs: JobRunDoc[] = [];
  for (let i = 0; i < maxTicks; i += 1) {
    const run = await tick(cloud, job, at + i * MINUTE_MS);
    if (!run) return runs;
    runs.push(run);
    if (run.status === 'finished') return runs;
  }
  throw new Error(`${job} did not finish in ${maxTicks} ticks`);
}

/** The collections a job's effects land in. */
const EFFECT_COLLECTIONS = [
  'members',
  'coupon_instances',
  'coupon_templates',
  'notifications',
  'subscriptions',
  'tier_history',
  'ledger_entries',
  'point_lots',
];

/** Everything the jobs decide, for comparing two runs: the effect collections and the outbox (without its ids and times). */
export function effects(cloud: LocalCloud): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  // Which claim recorded a message, and took a member's unit, is a random mark of the run that did it.
  const unmarked = (text: string) => JSON.stringify({ ...JSON.parse(text), batch: undefined, claims: undefined });
  for (const collection of EFFECT_COLLECTIONS)
    snapshot[collection] = cloud.store.page(collection, [], [], '_id', 10_000_000, 0).map((row) => unmarked(row.text));
  snapshot.outbox = cloud.outbox
    .list(10_000_000)
    .map((message) => JSON.stringify([message.fn, message.touser, message.templateId, message.data]))
    .sort();
  return snapshot;
}
