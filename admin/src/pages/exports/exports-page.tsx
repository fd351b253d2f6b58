import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Progress, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useRef, useState } from 'react';
import type { ExportKind } from '~/types/exports';
import type { ExportRow } from '~/types/functions/admin-exports';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';
import { CursorTable } from '../../components/cursor-table';
import { endOfShanghaiDay, formatDateTime, formatDay } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { downloadParts } from './download-export';

export const EXPORTS_PAGE_SIZE = 20;
const MAX_DAYS = 366;

export const EXPORT_KIND_TEXT: Record<ExportKind, string> = {
  members: '会员（按注册时间）',
  ledger: '积分流水',
  orders: '订单（按下单时间）',
};

interface ExportValues {
  kind: ExportKind;
  range: [Dayjs, Dayjs] | null;
}

/** The first instant of a `YYYY-MM-DD` day in Shanghai. */
const startOfShanghaiDay = (day: string) => endOfShanghaiDay(day) + 1 - 86_400_000;

/** An export's progress: rows written of the estimate, below 100 % until it is finished. */
function percentOf(row: ExportRow): number {
  if (row.status === 'finished') return 100;
  return row.estimate === 0 ? 0 : Math.min(99, Math.floor((row.rows / row.estimate) * 100));
}

/** 数据导出: members, the points ledger or orders of a date range as CSV, written part by part with a progress bar, then downloaded as one file. */
export function ExportsPage() {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<ExportValues>();
  const action = useAdminAction();
  const [current, setCurrent] = useState<ExportRow | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const requestKey = useRef(newRequestKey());

  const load = useCallback<LoadCursorPage<ExportRow, null>>(
    async (_filter, cursor, signal) => {
      const page = await client.call('listExports', { token, pageSize: EXPORTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal });
      setTotal(page.total);
      return page;
    },
    [client, token],
  );
  const pages = useCursorPages(load, null);

  /** Continues an export call by call until it is finished, showing its progress. */
  const follow = async (first: ExportRow) => {
    let row = first;
    setCurrent(row);
    while (row.status === 'running') {
      const exportId = row._id;
      const outcome = await action.run(() => client.call('continueExport', { token, exportId }));
      if (!outcome.ok) return;
      row = outcome.value;
      setCurrent(row);
    }
    action.setBusy(false);
    pages.reload();
  };

  const start = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null || values.range === null) return;
    const [from, to] = values.range;
    const outcome = await action.run(() =>
      client.call('startExport', {
        token,
        kind: values.kind,
        from: startOfShanghaiDay(from.format('YYYY-MM-DD')),
        to: endOfShanghaiDay(to.format('YYYY-MM-DD')) + 1,
        requestKey: requestKey.current,
      }),
    );
    if (!outcome.ok) return;
    requestKey.current = newRequestKey();
    await follow(outcome.value);
  };

  const download = async (row: ExportRow) => {
    setDownloading(row._id);
    const outcome = await action.run(async () => {
      const { urls, fileName } = await client.call('getExportDownload', { token, exportId: row._id });
      await downloadParts(urls, fileName);
    });
    action.setBusy(false);
    setDownloading(null);
    void outcome;
  };

  const columns: TableColumnsType<ExportRow> = [
    { title: '内容', dataIndex: 'kind', key: 'kind', width: 170, render: (kind: ExportKind) => EXPORT_KIND_TEXT[kind] },
    { title: '日期范围', key: 'range', width: 210, render: (_, row) => `${formatDay(row.from)} 至 ${formatDay(row.to - 1)}` },
    {
      title: '进度',
      key: 'progress',
      width: 220,
      render: (_, row) =>
        row.status === 'failed' ? (
          <Tag color="red">失败</Tag>
        ) : (
          <Progress
            className="export-row-progress"
            percent={percentOf(row)}
            size="small"
            status={row.status === 'finished' ? 'success' : 'active'}
          />
        ),
    },
    { title: '行数', dataIndex: 'rows', key: 'rows', width: 100, align: 'right', render: (rows: number) => rows.toLocaleString('zh-CN') },
    {
      title: '个人信息',
      dataIndex: 'personalData',
      key: 'personalData',
      width: 100,
      render: (data: ExportRow['personalData']) => (data === 'full' ? <Tag color="orange">完整</Tag> : <Tag>已脱敏</Tag>),
    },
    { title: '发起人', dataIndex: 'requestedBy', key: 'requestedBy', width: 120 },
    { title: '发起时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (at: number) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'end',
      render: (_, row) =>
        row.status === 'finished' ? (
          <Button
            className="export-download"
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            loading={downloading === row._id}
            disabled={downloading !== null}
            onClick={() => void download(row)}
          >
            下载
          </Button>
        ) : row.status === 'running' ? (
          <Button className="export-continue" type="link" size="small" disabled={action.busy} onClick={() => void follow(row)}>
            继续
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title="数据导出">
        <Form<ExportValues> form={form} layout="inline" requiredMark={false} initialValues={{ kind: 'members', range: null }}>
          <Form.Item name="kind" label="内容">
            <Select
              className="export-kind"
              style={{ width: 200 }}
              disabled={action.busy}
              options={(Object.keys(EXPORT_KIND_TEXT) as ExportKind[]).map((kind) => ({ value: kind, label: EXPORT_KIND_TEXT[kind] }))}
            />
          </Form.Item>
          <Form.Item
            name="range"
            label="日期"
            rules={[
              { required: true, message: '请选择日期范围' },
              {
                validator: (_, range: [Dayjs, Dayjs] | null) =>
                  range && range[1].diff(range[0], 'day') >= MAX_DAYS
                    ? Promise.reject(new Error(`一次最多导出 ${MAX_DAYS} 天`))
                    : Promise.resolve(),
              },
            ]}
          >
            <DatePicker.RangePicker className="export-range" disabled={action.busy} />
          </Form.Item>
          <Form.Item>
            <Button
              className="export-start"
              type="primary"
              loading={action.busy && current?.status !== 'finished'}
              onClick={() => void start()}
            >
              开始导出
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          文件为 UTF-8 编码（带 BOM）的 CSV，可直接用 Excel
          打开。手机号、姓名、地址和生日按你的角色权限显示或脱敏；每次导出都会记入操作日志。
        </Typography.Paragraph>
        {current ? (
          <Flex vertical gap={4} className="export-progress" style={{ marginTop: 16 }}>
            <Progress percent={percentOf(current)} status={current.status === 'finished' ? 'success' : 'active'} />
            <Typography.Text className="export-progress-text">
              {current.status === 'finished' ? '导出完成' : '导出中'}：已写入 {current.rows.toLocaleString('zh-CN')} / 约{' '}
              {current.estimate.toLocaleString('zh-CN')} 行
            </Typography.Text>
            {current.status === 'finished' ? (
              <Button
                className="export-download-current"
                icon={<DownloadOutlined />}
                style={{ alignSelf: 'flex-start' }}
                loading={downloading === current._id}
                onClick={() => void download(current)}
              >
                下载 CSV
              </Button>
            ) : null}
          </Flex>
        ) : null}
        {action.error ? <Alert className="export-error" type="error" showIcon title={action.error} style={{ marginTop: 16 }} /> : null}
      </Card>
      <Card
        title="导出记录"
        extra={
          <Typography.Text className="exports-total" type="secondary">
            {total === null ? '' : `共 ${total} 条`}
          </Typography.Text>
        }
      >
        <CursorTable<ExportRow>
          pages={pages}
          classPrefix="exports"
          errorTitle="导出记录加载失败"
          emptyText="还没有导出记录"
          rowKey="_id"
          columns={columns}
          scrollX={1_100}
        />
      </Card>
    </Flex>
  );
}
