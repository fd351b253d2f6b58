import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import type { Step, StepsSpec } from './steps';
import { stepsRunner } from './steps';
import { CodedError, hasCode } from '~/core/coded-error';
import { scratchDoc } from '../../tests/support/stored';

const NOW = Date.UTC(2026, 10, 22, 2);

/** A document run by steps, stored in a collection the tests do not otherwise use. */
interface JobDoc {
  _id: string;
  status: 'running' | 'failing' | 'failed' | 'finished';
  progress: 'start' | 'a' | 'b' | 'c' | 'done';
  failure: string | null;
  leaseUntil: number;
  updatedAt: number;
}

describe('stepsRunner', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  let log: string[];
  /** The step that refuses, if any: it throws NOT_AVAILABLE when taken. */
  let refuse: string | null;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());
  beforeEach(() => {
    log = [];
    refuse = null;
  });

  const doc = (id: string) => scratchDoc<JobDoc>(cloud, 'reward_quotas', id) as JobDoc;
  const step = (name: 'a' | 'b' | 'c', record: boolean): Step<JobDoc, string> => ({
    name,
    record,
    take: async (_ctx, _doc, env) => {
      if (refuse === name) throw new CodedError('NOT_AVAILABLE', `${name} refused`);
      log.push(`take ${name} (${env})`);
    },
    undo: async () => {
      log.push(`undo ${name}`);
    },
  });
  const spec: StepsSpec<JobDoc, string> = {
    collection: 'reward_quotas',
    start: 'start',
    // `a` and `c` are idempotent (not recorded); `b` is a bare counter (recorded).
    steps: [step('a', false), step('b', true), step('c', false)],
    done: 'done',
    running: { status: 'running' },
    isRunning: (job) => job.status === 'running',
    finish: () => ({ status: 'finished' }),
    lease: { ms: 10_000, waitMs: 200 },
    stillHeld: (job) => job,
    resume: async () => 'resumed',
    failure: {
      refusal: (error) => (hasCode(error) ? error : null),
      failing: (refusal) => ({ status: 'failing', failure: refusal.code }),
      isFailing: (job) => job.status === 'failing',
      failingQuery: { status: 'failing' },
      failed: { status: 'failed' },
      isFailed: (job) => job.status === 'failed',
      errorOf: (job) => new CodedError('NOT_AVAILABLE', `failed: ${job.failure}`),
    },
  };
  const runner = stepsRunner(spec);
  const insert = (id: string, fields: Partial<JobDoc> = {}): JobDoc => {
    const job: JobDoc = {
      _id: id,
      status: 'running',
      progress: 'start',
      failure: null,
      leaseUntil: NOW + 10_000,
      updatedAt: NOW,
      ...fields,
    };
    cloud.store.insert('reward_quotas', { ...job });
    return job;
  };

  it('takes every step in order, records only the recorded ones and the finish', async () => {
    const job = insert('job-1');
    const finished = await runner.advance(ctx(NOW), job, 'first');
    expect(log).toEqual(['take a (first)', 'take b (first)', 'take c (first)']);
    expect(finished).toMatchObject({ status: 'finished', progress: 'done' });
    expect(doc('job-1')).toMatchObject({ status: 'finished', progress: 'done' });
  });

  it('a refused step ends the run: what was taken goes back in reverse order, and the document answers its failure', async () => {
    refuse = 'c';
    const job = insert('job-2');
    await expect(runner.advance(ctx(NOW), job, 'first')).rejects.toThrow('failed: NOT_AVAILABLE');
    expect(log).toEqual(['take a (first)', 'take b (first)', 'undo c', 'undo b', 'undo a']);
    expect(doc('job-2')).toMatchObject({ status: 'failed', failure: 'NOT_AVAILABLE', progress: 'b' });
    log = [];
    await expect(runner.settle(ctx(NOW), doc('job-2'))).rejects.toThrow('failed: NOT_AVAILABLE');
    expect(log).toEqual([]);
  });

  it('a refusal before a recorded step gives back only what may have been taken', async () => {
    refuse = 'b';
    await expect(runner.advance(ctx(NOW), insert('job-3'), 'first')).rejects.toThrow('failed');
    // `b` was refused, so it is not given back; `a` is idempotent and goes back.
    expect(log).toEqual(['take a (first)', 'undo a']);
  });

  it('a retry takes over a document whose lease ran out, from its last recorded step', async () => {
    insert('job-4', { progress: 'b', leaseUntil: NOW - 1 });
    const finished = await runner.settle(ctx(NOW), doc('job-4'));
    expect(log).toEqual(['take c (resumed)']);
    expect(finished.status).toBe('finished');
    expect(doc('job-4').leaseUntil).toBeGreaterThan(NOW);
  });

  it('a retry waits for a live owner, and answers the document as it is when the owner keeps it', async () => {
    insert('job-5');
    const answered = await runner.settle(ctx(NOW), doc('job-5'));
    expect(answered.status).toBe('running');
    expect(log).toEqual([]);
  });

  it('a worker whose lease was taken over records nothing', async () => {
    const stale = insert('job-6');
    cloud.store.replace('reward_quotas', { ...stale, leaseUntil: NOW + 99_999 });
    await expect(runner.advance(ctx(NOW), stale, 'zombie')).resolves.toMatchObject({ status: 'running' });
    expect(doc('job-6')).toMatchObject({ status: 'running', progress: 'start' });
  });

  it('gives a recorded step back once, however many give-backs run at once', async () => {
    const job = insert('job-7', { status: 'finished', progress: 'done' });
    await Promise.all([runner.giveBack(ctx(NOW), job, true), runner.giveBack(ctx(NOW), job, true)]);
    expect(log.filter((line) => line === 'undo b')).toHaveLength(1);
    expect(log.filter((line) => line === 'undo a')).toHaveLength(2);
  });

  it('a failing document found by a retry finishes its give-back first', async () => {
    insert('job-8', { status: 'failing', failure: 'OUT_OF_STOCK', progress: 'a', leaseUntil: 0 });
    await expect(runner.settle(ctx(NOW), doc('job-8'))).rejects.toThrow('failed: OUT_OF_STOCK');
    expect(log).toEqual(['undo a']);
    expect(doc('job-8').status).toBe('failed');
  });
});
