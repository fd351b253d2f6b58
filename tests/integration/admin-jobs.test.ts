import { DAY_MS } from '~/core/calendar/durations';
import type { AdminResponses } from '~/types/functions/admin';
import type { JobRunDoc } from '~/types/jobs';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startTestCloud } from '../support/local-cloud';
import { allStored, putStored, stored } from '../support/stored';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'j'.repeat(40), ADMIN_INITIAL_PASSWORD: 'jobs-owner-password' };
const JOB = 'job-clear-till';
const SESSIONS = 450;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe('run now, pause and resume of a timer job through the admin function and the built bundles', () => {
  let cloud: LocalCloud;
  let owner: string;

  const admin = async <T>(body: Record<string, unknown>): Promise<Envelope<T>> =>
    (await cloud.invoke('admin', { token: owner, ...body }, { source: 'wx_http', clientIp: '10.1.1.1' })) as Envelope<T>;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const runsOf = () => allStored(cloud, 'job_runs').filter((run) => run.job === JOB);

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV, [JOB]: { LM_JOB_PAGE_SIZE: '100' } } });
    await cloud.invoke('admin', { action: 'bootstrapAdmin' }, { source: 'wx_http' });
    const login = (await cloud.invoke(
      'admin',
      { action: 'login', username: 'admin', password: ADMIN_ENV.ADMIN_INITIAL_PASSWORD },
      { source: 'wx_http', clientIp: '10.1.1.1' },
    )) as Envelope<{ token: string }>;
    owner = data(login).token;
    const expired = Date.now() - 3 * DAY_MS;
    cloud.store.atomically(() => {
      for (let i = 0; i < SESSIONS; i += 1) {
        putStored(cloud, 'till_sessions', {
          _id: `till-${i.toString().padStart(4, '0')}`,
          memberId: `m${i}`,
          storeId: 'store-a',
          staffId: 'staff-a',
          openedAt: expired - 60_000,
          expiresAt: expired,
          pointsUsedBy: null,
        });
      }
    });
  }, 60_000);
  afterAll(() => cloud?.stop());

  it('a paused job’s tick records and changes nothing, and run now is refused until it is resumed', async () => {
    const paused = data(await admin<AdminResponses['setJobPaused']>({ action: 'setJobPaused', job: JOB, paused: true }));
    expect(paused).toMatchObject({ job: JOB, paused: true, pausedBy: 'admin', running: null });
    expect(await cloud.runTimer(JOB)).toEqual({ ok: true, data: null });
    expect(runsOf()).toEqual([]);
    expect(cloud.store.count('till_sessions')).toBe(SESSIONS);
    expect(await admin({ action: 'runJobNow', job: JOB })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const statuses = data(await admin<AdminResponses['listJobStatuses']>({ action: 'listJobStatuses' })).items;
    expect(statuses.find((row) => row.job === JOB)).toMatchObject({ paused: true });

    const resumed = data(await admin<AdminResponses['setJobPaused']>({ action: 'setJobPaused', job: JOB, paused: false }));
    expect(resumed).toMatchObject({ paused: false, pausedBy: null });
    const entries = allStored(cloud, 'audit_log').filter((entry) => entry.action === 'setJobPaused');
    expect(entries.map((entry) => entry.after)).toEqual(expect.arrayContaining([{ paused: true }, { paused: false }]));
    expect(entries).toHaveLength(2);
  });

  it('run now makes the run a tick makes, recorded as manual, with its progress against the estimate', async () => {
    const answer = data(await admin<AdminResponses['runJobNow']>({ action: 'runJobNow', job: JOB }));
    expect(answer.run).toMatchObject({ job: JOB, trigger: 'manual' });
    // A long run is answered once it holds the lease; the page then follows it to its end.
    for (let i = 0; i < 100 && stored(cloud, 'job_runs', (answer.run as JobRunDoc)._id).status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const run = stored(cloud, 'job_runs', (answer.run as JobRunDoc)._id);
    expect(run).toMatchObject({
      job: JOB,
      status: 'finished',
      trigger: 'manual',
      startedBy: 'admin',
      estimate: SESSIONS,
      scannedBefore: 0,
      scanned: SESSIONS,
      changed: SESSIONS,
    });
    expect(cloud.store.count('till_sessions')).toBe(0);
    expect(allStored(cloud, 'audit_log').filter((entry) => entry.action === 'runJobNow')).toEqual([
      expect.objectContaining({ target: { type: 'job', id: JOB }, actor: expect.objectContaining({ id: 'admin' }) }),
    ]);
    // The day's sweep is done: a tick today has nothing to do, as after a timer's own run.
    expect(await cloud.runTimer(JOB)).toEqual({ ok: true, data: null });
  });

  it('run now is refused while a run holds the job’s lease, and a job function refuses callers that are not its timer', async () => {
    const state = stored(cloud, 'job_state', JOB);
    cloud.store.atomically(() => {
      cloud.store.remove('job_state', JOB);
      putStored(cloud, 'job_state', { ...state, leaseOwner: 'job-clear-till:elsewhere', leaseUntil: Date.now() + 60_000 });
    });
    expect(await admin({ action: 'runJobNow', job: JOB })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cloud.invoke(JOB, { manualRunBy: 'admin' }, { source: 'wx_client', openid: 'o-someone' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_TIMER' },
    });
    expect(await admin({ action: 'runJobNow', job: 'job-unknown' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
