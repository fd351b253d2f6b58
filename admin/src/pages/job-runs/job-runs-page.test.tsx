import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import type { JobRunDoc } from '~/types/jobs';
import type { AdminPayload } from '../../api/client';
import { TEST_TOKEN, mockClient, renderSignedIn } from '../../test/mock-client';
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

function runsClient() {
  return mockClient(async (_action, payload) => {
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
    expect(headers).toEqual(['任务', '状态', '开始时间', '用时', '处理', '变更', '跳过', '失败', '说明']);
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
    await screen.findByText('会员等级评定');

    fireEvent.click(within(container.querySelector('.job-runs-filter') as HTMLElement).getByText('积分过期与提醒'));
    await screen.findByText('待续（下次触发继续）');
    expect(call).toHaveBeenLastCalledWith(
      'listJobRuns',
      { token: TEST_TOKEN, pageSize: JOB_RUNS_PAGE_SIZE, job: 'job-expire-points' },
      expect.anything(),
    );
    expect(within(container.querySelector('.job-runs-table') as HTMLElement).queryByText('会员等级评定')).toBeNull();
  });
});
