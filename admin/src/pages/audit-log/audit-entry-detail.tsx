import { Descriptions, Flex, Typography } from 'antd';
import type { AuditEntryDoc } from '~/types/staff';

function Snapshot({ title, value, className }: { title: string; value: Record<string, unknown> | null; className: string }) {
  return (
    <Flex vertical gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null ? (
        <Typography.Text type="secondary">（无）</Typography.Text>
      ) : (
        <pre
          className={className}
          style={{ margin: 0, padding: 12, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, overflowX: 'auto' }}
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </Flex>
  );
}

/** An entry opened up: the state before and after the change, and the ids to trace it by. */
export function AuditEntryDetail({ entry }: { entry: AuditEntryDoc }) {
  return (
    <Flex vertical gap="middle" className="audit-entry-detail">
      <Flex gap="large" wrap>
        <Snapshot title="变更前" value={entry.before} className="audit-before" />
        <Snapshot title="变更后" value={entry.after} className="audit-after" />
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="请求编号">
          <Typography.Text className="audit-request-id" copyable={entry.requestId ? { tooltips: ['复制', '已复制'] } : false}>
            {entry.requestId ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="记录编号">{entry._id}</Descriptions.Item>
        {entry.memberId !== null ? <Descriptions.Item label="会员">{entry.memberId}</Descriptions.Item> : null}
        <Descriptions.Item label="操作人编号">{entry.actor.id}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
