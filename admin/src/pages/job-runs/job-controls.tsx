import { Button, Flex, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { JobStatusRow, TimerJob } from '~/types/jobs';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { ActionError } from '../../components/action-error';
import { ListTable } from '../../components/list-table';
import { formatDateTime } from '../../format/format-time';
import { useMay } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { runProgress } from './job-progress';

/** How often the jobs are read again while one runs. */
export const JOB_POLL_MS = 1_500;

/** Inputs of the job controls. */
export interface JobControlsProps {
  jobNames: Record<string, string>;
  /** Called when a run starts or ends, so the runs table below follows. */
  onRunsChanged: () => void;
}

/** Each timer job with 立即运行 and 暂停/恢复 as the role may, and a progress bar while a run of it is going. */
export function JobControls({ jobNames, onRunsChanged }: JobControlsProps) {
  const { client, token } = useAdminApi();
  const mayRun = useMay('runJobNow');
  const mayPause = useMay('setJobPaused');
  const action = useAdminAction();
  const [pending, setPending] = useState<TimerJob | null>(null);

  const load = useCallback<LoadWholeList<JobStatusRow, null>>(
    (_filter, signal) => client.call('listJobStatuses', { token }, { signal }),
    [client, token],
  );
  const jobs = useWholeList(load, null);
  const anyRunning = jobs.rows.some((row) => row.running !== null) || pending !== null;
  const { reload } = jobs;

  useEffect(() => {
    if (!anyRunning) return undefined;
    const timer = setInterval(reload, JOB_POLL_MS);
    return () => clearInterval(timer);
  }, [anyRunning, reload]);
  useEffect(() => {
    if (!anyRunning) onRunsChanged();
  }, [anyRunning, onRunsChanged]);

  const runNow = async (job: TimerJob) => {
    setPending(job);
    const outcome = await action.run(() => client.call('runJobNow', { token, job }));
    action.setBusy(false);
    setPending(null);
    if (outcome.ok && outcome.value.run === null) action.setError(`${jobNames[job] ?? job}今天已运行完成，无需再次运行`);
    reload();
    onRunsChanged();
  };

  const setPaused = async (job: TimerJob, paused: boolean) => {
    setPending(job);
    await action.run(() => client.call('setJobPaused', { token, job, paused }));
    action.setBusy(false);
    setPending(null);
    reload();
  };

  const columns: TableColumnsType<JobStatusRow> = [
    { title: '任务', dataIndex: 'job', key: 'job', width: 180, render: (job: string) => jobNames[job] ?? job },
    {
      title: '状态',
      key: 'state',
      width: 120,
      render: (_, row) =>
        row.running ? (
          <Tag color="processing">运行中</Tag>
        ) : row.paused ? (
          <Tag color="orange">已暂停</Tag>
        ) : (
          <Tag color="green">按计划运行</Tag>
        ),
    },
    {
      title: '进度',
      key: 'progress',
      render: (_, row) => {
        if (!row.running) {
          if (row.paused && row.pausedAt !== null)
            return <Typography.Text type="secondary">{`${row.pausedBy ?? ''} 于 ${formatDateTime(row.pausedAt)} 暂停`}</Typography.Text>;
          return row.lastFinishedAt === null ? (
            ''
          ) : (
            <Typography.Text type="secondary">上次完成 {formatDateTime(row.lastFinishedAt)}</Typography.Text>
          );
        }
        const progress = runProgress(row.running);
        if (!progress)
          return <Typography.Text className="job-progress-text">已处理 {row.running.scanned.toLocaleString('zh-CN')} 条</Typography.Text>;
        return (
          <Flex vertical className="job-progress">
            <Progress percent={progress.percent} status="active" size="small" />
            <Typography.Text type="secondary" className="job-progress-text">
              已处理 {progress.done.toLocaleString('zh-CN')} / 约 {progress.estimate.toLocaleString('zh-CN')} 条
            </Typography.Text>
          </Flex>
        );
      },
    },
  ];
  if (mayRun || mayPause) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_, row) => (
        <Space size={4}>
          {mayRun ? (
            <Button
              className="job-run-now"
              type="link"
              size="small"
              loading={pending === row.job && !row.paused}
              disabled={row.paused || row.running !== null || pending !== null}
              onClick={() => void runNow(row.job)}
            >
              立即运行
            </Button>
          ) : null}
          {mayPause && !row.paused ? (
            <Popconfirm
              title={`暂停「${jobNames[row.job] ?? row.job}」？`}
              description="暂停后定时触发不再运行，恢复后从上次的进度继续"
              okText="暂停"
              cancelText="取消"
              onConfirm={() => setPaused(row.job, true)}
            >
              <Button className="job-pause" type="link" size="small" disabled={pending !== null}>
                暂停
              </Button>
            </Popconfirm>
          ) : null}
          {mayPause && row.paused ? (
            <Button
              className="job-resume"
              type="link"
              size="small"
              disabled={pending !== null}
              onClick={() => void setPaused(row.job, false)}
            >
              恢复
            </Button>
          ) : null}
        </Space>
      ),
    });
  }

  return (
    <>
      <ActionError className="job-action-error" message={action.error} onClose={() => action.setError(null)} />
      <ListTable<JobStatusRow>
        list={jobs}
        classPrefix="job-statuses"
        errorTitle="任务状态加载失败"
        emptyText="没有定时任务"
        rowKey="job"
        columns={columns}
      />
    </>
  );
}
