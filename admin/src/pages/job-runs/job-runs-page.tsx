import { Card, Flex, Segmented, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback } from 'react';
import type { JobRunDoc } from '~/types/jobs';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { useMay } from '../../hooks/use-may';
import { JobControls } from './job-controls';

/** Rows per page; the server accepts 1–100. */
export const JOB_RUNS_PAGE_SIZE = 20;

/** The timer jobs, as the operators know them. */
export const JOB_NAMES: Record<string, string> = {
  'job-review-tiers': '会员等级评定',
  'job-birthday-coupons': '生日礼券',
  'job-comeback-coupons': '回归礼券',
  'job-expire-points': '积分过期与提醒',
  'job-release-points': '购物积分入账',
  'job-cancel-unpaid': '超时订单取消与兑换修复',
  'job-retry-refunds': '失败退款重试',
  'job-clear-till': '清理收银会话',
  'job-daily-stats': '每日经营统计',
  'job-run-campaigns': '营销活动发送',
  'job-refresh-profiles': '会员画像刷新',
};

const STATUS: Record<JobRunDoc['status'], { text: string; color: string }> = {
  running: { text: '运行中', color: 'processing' },
  finished: { text: '已完成', color: 'green' },
  paused: { text: '待续（下次触发继续）', color: 'blue' },
  skipped: { text: '未运行', color: 'default' },
  failed: { text: '失败', color: 'red' },
};

type JobFilter = string;
const filterOptions = [{ value: 'all', label: '全部' }, ...Object.entries(JOB_NAMES).map(([value, label]) => ({ value, label }))];

/** How long a run took, e.g. `12.3 秒`; blank while it runs. */
function duration(run: JobRunDoc): string {
  if (run.finishedAt === null) return '';
  const seconds = (run.finishedAt - run.startedAt) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} 秒` : `${Math.floor(seconds / 60)} 分 ${Math.round(seconds % 60)} 秒`;
}

/** A run's note in Chinese: the lease note the server writes, or its error message as is. */
function noteText(run: JobRunDoc): string {
  if (run.note === 'another run holds the lease') return '上一次运行尚未结束';
  if (run.note === 'cut off before it finished; the next run continued') return '运行中断（实例超时或崩溃），已由下一次运行接续';
  return run.note ?? '';
}

const count = (value: number) => value.toLocaleString('zh-CN');

const columns: TableColumnsType<JobRunDoc> = [
  { title: '任务', dataIndex: 'job', key: 'job', width: 160, render: (job: string) => JOB_NAMES[job] ?? job },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 170,
    render: (status: JobRunDoc['status']) => <Tag color={STATUS[status].color}>{STATUS[status].text}</Tag>,
  },
  { title: '开始时间', dataIndex: 'startedAt', key: 'startedAt', width: 160, render: (at: number) => formatDateTime(at) },
  {
    title: '触发',
    key: 'trigger',
    width: 120,
    render: (_value, run) => (run.trigger === 'manual' ? `手动（${run.startedBy ?? ''}）` : '定时'),
  },
  { title: '用时', key: 'duration', width: 110, align: 'right', render: (_value, run) => duration(run) },
  { title: '处理', dataIndex: 'scanned', key: 'scanned', width: 90, align: 'right', render: count },
  { title: '变更', dataIndex: 'changed', key: 'changed', width: 90, align: 'right', render: count },
  { title: '跳过', dataIndex: 'skipped', key: 'skipped', width: 90, align: 'right', render: count },
  {
    title: '失败',
    dataIndex: 'failed',
    key: 'failed',
    width: 90,
    align: 'right',
    render: (failed: number) => (failed > 0 ? <Typography.Text type="danger">{count(failed)}</Typography.Text> : count(failed)),
  },
  { title: '说明', key: 'note', ellipsis: true, render: (_value, run) => noteText(run) },
];

/** Runs of the timer jobs, newest first, optionally of one job: what each run handled, changed and failed. */
export function JobRunsPage() {
  const { client, token } = useAdminApi();
  const load = useCallback<LoadCursorPage<JobRunDoc, JobFilter>>(
    (job, cursor, signal) =>
      client.call(
        'listJobRuns',
        { token, pageSize: JOB_RUNS_PAGE_SIZE, ...(job === 'all' ? {} : { job }), ...(cursor ? { cursor } : {}) },
        { signal },
      ),
    [client, token],
  );
  const pages = useCursorPages(load, 'all');
  const mayReadJobs = useMay('listJobStatuses');

  return (
    <Flex vertical gap={16}>
      {mayReadJobs ? (
        <Card title="定时任务">
          <JobControls jobNames={JOB_NAMES} onRunsChanged={pages.reload} />
        </Card>
      ) : null}
      <Card
        title="任务运行"
        extra={
          <Segmented
            className="job-runs-filter"
            options={filterOptions}
            value={pages.filter}
            onChange={(value) => pages.applyFilter(String(value))}
          />
        }
      >
        <CursorTable<JobRunDoc>
          pages={pages}
          classPrefix="job-runs"
          errorTitle="任务运行记录加载失败"
          emptyText={pages.filter === 'all' ? '还没有任务运行记录' : `${JOB_NAMES[pages.filter] ?? pages.filter}还没有运行记录`}
          rowKey="_id"
          columns={columns}
          scrollX={1_000}
        />
      </Card>
    </Flex>
  );
}
