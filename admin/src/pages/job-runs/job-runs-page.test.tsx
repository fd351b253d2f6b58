import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { JobRunDoc, JobStatusRow, TimerJob } from '~/types/jobs';
import { TIMER_JOBS } from '~/types/jobs';
import type { AdminPayload } from '../../api/client';
import { TEST_TOKEN, callsOf, mockClient, renderSignedIn } from '../../test/mock-client';
import { JOB_RUNS_PAGE_SIZE, JobRunsPage } from './job-runs-page';

// 02:30 UTC is 10:30 in Asia/Shanghai.
const STARTED = Date.UTC(2027, 2, 1, 2, 30);

jest.setTimeout(60_000);

function run(n: number, overrides: Partial<JobRunDoc> = {}): JobRunDoc {
  return {
    _id: `job-review-tiers:${STARTED + n}:abcd`,
    job: 'job-review-tiers',
    status: 'finished',
    startedAt: STARTED,
    finishedAt: STARTED + 12_300,
    scanned: 1_540 + n,
    changed: 8,
    skipped: 1_532,
    failed: 0,
    cursor: null,
    note: null,
    sweepAsOf: STARTED,
    ...overrides,
  };
}

const paused = run(1, { _id: 'expire:1', job: 'job-expire-points', status: 'paused', finishedAt: STARTED + 45_100, failed: 2 });
const turnedAway = run(2, {
  _id: 'birthday:1',
  job: 'job-birthday-coupons',
  status: 'skipped',
  finishedAt: STARTED,
  scanned: 0,
  note: 'another run holds the lease',
});

const running = run(3, {
  _id: 'release:1',
  job: 'job-release-points',
  status: 'running',
  finishedAt: null,
  scanned: 300,
  scannedBefore: 200,
  estimate: 2_000,
  trigger: 'manual',
  startedBy: 'ops.lead',
});

function statuses(overrides: Partial<Record<TimerJob, Partial<JobStatusRow>>> = {}): JobStatusRow[] {
  return TIMER_JOBS.map((job) => ({
    job,
    paused: false,
    pausedAt: null,
    pausedBy: null,
    lastFinishedAt: STARTED,
    running: null,
    ...overrides[job],
  }));
}

function runsClient(jobs: () => JobStatusRow[] = () => statuses()) {
  return mockClient(async (action, payload) => {
    if (action === 'listJobStatuses') return { items: jobs() };
    if (action === 'runJobNow') return { run: running };
    if (action === 'setJobPaused') return statuses()[0];
    const { job, cursor } = payload as AdminPayload<'listJobRuns'>;
    if (job === 'job-expire-points') return { items: [paused], nextCursor: null };
    return cursor === 'cursor-2' ? { items: [turnedAway], nextCursor: null } : { items: [run(0), paused], nextCursor: 'cursor-2' };
  });
}

describe('JobRunsPage', () => {
  it('lists runs newest first with their job, status, Shanghai start time, duration and counts', async () => {
    const { client, call } = runsClient();
    const { container } = renderSignedIn(<JobRunsPage />, client);

    const table = container.querySelector('.job-runs-table') as HTMLElement;
    expect(await within(table).findByText('会员等级评定')).toBeTruthy();
    expect(within(table).getByText('已完成')).toBeTruthy();
    expect(within(table).getByText('待续（下次触发继续）')).toBeTruthy();
    expect(within(table).getAllByText('2027-03-01 10:30')).toHaveLength(2);
    expect(within(table).getByText('12.3 秒')).toBeTruthy();
    expect(within(table).getByText('45.1 秒')).toBeTruthy();
    expect(within(table).getByText('1,540')).toBeTruthy();
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent);
    expect(headers).toEqual(['任务', '状态', '开始时间', '触发', '用时', '处理', '变更', '跳过', '失败', '说明']);
    expect(call).toHaveBeenCalledWith(
      'listJobRuns',
      { token: TEST_TOKEN, pageSize: JOB_RUNS_PAGE_SIZE },
      expect.objectContaining({ signal: expect.anything() }),
    );

    fireEvent.click(container.querySelector('button.job-runs-next') as HTMLButtonElement);
    expect(await screen.findByText('上一次运行尚未结束')).toBeTruthy();
    expect(screen.getByText('未运行')).toBeTruthy();
  });

  it('narrows to one job', async () => {
    const { client, call } = runsClient();
    const { container } = renderSignedIn(<JobRunsPage />, client);
    await within(container.querySelector('.job-runs-table') as HTMLElement).findByText('会员等级评定');

    fireEvent.click(within(container.querySelector('.job-runs-filter') as HTMLElement).getByText('积分过期与提醒'));
    await screen.findByText('待续（下次触发继续）');
    expect(call).toHaveBeenCalledWith(
      'listJobRuns',
      { token: TEST_TOKEN, pageSize: JOB_RUNS_PAGE_SIZE, job: 'job-expire-points' },
      expect.anything(),
    );
    await waitFor(() => expect(within(container.querySelector('.job-runs-table') as HTMLElement).queryByText('会员等级评定')).toBeNull());
  });

  it('shows each job’s state, a running run’s progress against its estimate, and runs, pauses and resumes a job', async () => {
    let jobs = statuses({ 'job-expire-points': { paused: true, pausedAt: STARTED, pausedBy: 'ops.lead' } });
    const { client, call } = runsClient(() => jobs);
    const { container } = renderSignedIn(<JobRunsPage />, client);
    const table = container.querySelector('.job-statuses-table') as HTMLElement;
    await within(table).findByText('会员等级评定');
    const rowOf = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    expect(within(rowOf('积分过期与提醒')).getByText('已暂停')).toBeTruthy();
    expect((rowOf('积分过期与提醒').querySelector('button.job-run-now') as HTMLButtonElement).disabled).toBe(true);

    jobs = statuses({ 'job-release-points': { running }, 'job-expire-points': { paused: true, pausedAt: STARTED, pausedBy: 'ops.lead' } });
    fireEvent.click(rowOf('购物积分入账').querySelector('button.job-run-now') as HTMLButtonElement);
    expect(await within(table).findByText('已处理 500 / 约 2,000 条')).toBeTruthy();
    expect(within(rowOf('购物积分入账')).getByText('运行中')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('runJobNow', { token: TEST_TOKEN, job: 'job-release-points' }, undefined);

    fireEvent.click(rowOf('积分过期与提醒').querySelector('button.job-resume') as HTMLButtonElement);
    await waitFor(() => expect(callsOf(call, 'setJobPaused')).toHaveLength(1));
    expect(call).toHaveBeenCalledWith('setJobPaused', { token: TEST_TOKEN, job: 'job-expire-points', paused: false }, undefined);
  });
});
