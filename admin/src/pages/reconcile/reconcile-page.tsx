import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Radio, Result, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { AdminResponses } from '~/types/functions/admin';
import type { EpochMs } from '~/types/units';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { formatDateTime } from '../../format/format-time';
import { useMayTake } from '../../hooks/use-may';

/** The server's rule for a member id (the reconcile request schema), checked before sending. */
export const MEMBER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type Scope = 'all' | 'one';
type Problem = AdminResponses['reconcile']['problems'][number];

/** What the last run checked and found. */
interface Run {
  memberId: string | null;
  at: EpochMs;
  members: number;
  problems: Problem[];
}

/** The server's problems that have a fixed wording, in Chinese; the others name amounts and lots and are shown as written. */
const PROBLEM_TEXT: Partial<Record<string, string>> = {
  'no such member': '没有这位会员',
  'ledger entries without a member': '有积分流水，但会员不存在',
  'negative balance while buckets still hold points': '余额为负，但积分批次里仍有积分',
};

const columns: TableColumnsType<Problem & { n: number }> = [
  {
    title: '会员 ID',
    dataIndex: 'memberId',
    key: 'memberId',
    width: 260,
    render: (id: string) => <Typography.Text copyable>{id}</Typography.Text>,
  },
  { title: '问题', dataIndex: 'problem', key: 'problem', render: (problem: string) => PROBLEM_TEXT[problem] ?? problem },
];

function RunResult({ run }: { run: Run }) {
  const who = run.memberId === null ? '全部会员' : `会员 ${run.memberId}`;
  const headline =
    run.problems.length === 0
      ? `已核对 ${run.members} 位会员，账目一致`
      : `已核对 ${run.members} 位会员，发现 ${run.problems.length} 个问题`;
  return (
    <Flex vertical gap={12} className="reconcile-result" style={{ marginTop: 24 }}>
      <Alert
        className={run.problems.length === 0 ? 'reconcile-ok' : 'reconcile-problems'}
        type={run.problems.length === 0 ? 'success' : 'error'}
        showIcon
        title={headline}
        description={`${who} · ${formatDateTime(run.at)}${run.problems.length === 0 ? ' · 积分余额 = 积分流水合计 = 积分批次合计' : ''}`}
      />
      {run.problems.length === 0 ? null : (
        <Table
          className="reconcile-problems-table"
          rowKey="n"
          size="small"
          columns={columns}
          dataSource={run.problems.map((problem, n) => ({ ...problem, n }))}
          pagination={run.problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      )}
    </Flex>
  );
}

function Reconcile() {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<{ scope: Scope; memberId: string }>();
  const scope = (Form.useWatch('scope', form) as Scope | undefined) ?? 'one';
  const { busy, setBusy, error, run } = useAdminAction();
  const [result, setResult] = useState<Run | null>(null);

  const start = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const memberId = values.scope === 'one' ? values.memberId.trim() : null;
    const outcome = await run(() => client.call('reconcile', { token, ...(memberId === null ? {} : { memberId }) }));
    if (!outcome.ok) return;
    setBusy(false);
    setResult({ memberId, at: Date.now(), ...outcome.value });
  };

  const startButton = (
    <Button className="reconcile-run" type="primary" loading={busy} onClick={scope === 'one' ? () => void start() : undefined}>
      开始对账
    </Button>
  );

  return (
    <Card title="积分对账">
      <Typography.Paragraph>
        核对会员的积分账目：缓存的积分余额、积分流水合计和积分批次合计三者应当相等。对账只读取数据，不做任何修改。
      </Typography.Paragraph>
      <Alert
        className="reconcile-warning"
        type="warning"
        showIcon
        title="对账全部会员会读取每一位会员的积分、流水和积分批次"
        description="会员多时耗时较长、占用数据库读取额度，请在业务低峰期进行；只查一位会员时请选择「指定会员」。"
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="inline" initialValues={{ scope: 'one', memberId: '' }} requiredMark={false}>
        <Form.Item name="scope">
          <Radio.Group
            className="reconcile-scope"
            optionType="button"
            options={[
              { value: 'one', label: '指定会员' },
              { value: 'all', label: '全部会员' },
            ]}
          />
        </Form.Item>
        {scope === 'one' ? (
          <Form.Item
            name="memberId"
            rules={[
              { required: true, whitespace: true, message: '请输入会员 ID' },
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || MEMBER_ID_PATTERN.test(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error('会员 ID 为 1–64 位字母、数字、_ 或 -')),
              },
            ]}
          >
            <Input
              className="reconcile-member-id"
              placeholder="会员 ID"
              aria-label="会员 ID"
              allowClear
              style={{ width: 280 }}
              onPressEnter={() => void start()}
            />
          </Form.Item>
        ) : null}
        <Form.Item>
          {scope === 'all' ? (
            <Popconfirm
              title="对账全部会员？"
              description="将逐一读取每一位会员的积分数据，可能需要较长时间"
              okText="开始对账"
              cancelText="取消"
              onConfirm={() => start()}
            >
              {startButton}
            </Popconfirm>
          ) : (
            startButton
          )}
        </Form.Item>
      </Form>
      {error ? <Alert className="reconcile-error" type="error" showIcon title={`对账未完成：${error}`} style={{ marginTop: 16 }} /> : null}
      {result ? <RunResult run={result} /> : null}
    </Card>
  );
}

/** 积分对账: proves one member's or every member's points add up (balance = ledger = lots) and lists what does not. */
export function ReconcilePage() {
  const may = useMayTake();
  if (!may('reconcile')) return <Result className="reconcile-forbidden" status="403" title="当前角色不能进行积分对账" />;
  return <Reconcile />;
}
