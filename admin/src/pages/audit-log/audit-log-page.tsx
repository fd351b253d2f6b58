import { Card, Flex, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback } from 'react';
import type { StoreRow } from '~/types/functions/admin-staff';
import type { AuditEntryDoc } from '~/types/staff';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { AuditEntryDetail } from './audit-entry-detail';
import { AuditFilters } from './audit-filters';
import type { AuditFilter } from './audit-filters';
import { AUDIT_ACTION_TEXT, AUDIT_TARGET_TEXT, actorRoleText, amountPhrases, labelOf } from './audit-labels';

/** Rows per page; the server accepts 1–100. */
export const AUDIT_LOG_PAGE_SIZE = 20;

function auditColumns(storeName: (storeId: string) => string): TableColumnsType<AuditEntryDoc> {
  return [
    { title: '时间', dataIndex: 'at', key: 'at', width: 150, render: (at: number) => formatDateTime(at) },
    {
      title: '操作人',
      key: 'actor',
      width: 190,
      render: (_, { actor }) => (
        <Space size={4} wrap>
          <span className="audit-actor-name">{actor.name}</span>
          <Tag>{actorRoleText(actor)}</Tag>
          {actor.kind === 'staff' ? <Tag color="purple">店员</Tag> : null}
        </Space>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      key: 'action',
      width: 150,
      render: (action: string) => <span className="audit-action-text">{labelOf(AUDIT_ACTION_TEXT, action)}</span>,
    },
    {
      title: '对象',
      key: 'target',
      ellipsis: true,
      render: (_, { target }) => (
        <Flex vertical>
          <span>{labelOf(AUDIT_TARGET_TEXT, target.type)}</span>
          <Typography.Text type="secondary" ellipsis>
            {target.id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '门店',
      dataIndex: 'storeId',
      key: 'storeId',
      width: 140,
      ellipsis: true,
      render: (storeId: string | null) => (storeId === null ? '—' : storeName(storeId)),
    },
    {
      title: '金额/积分',
      key: 'amounts',
      width: 190,
      render: (_, entry) => {
        const phrases = amountPhrases(entry.amounts);
        return phrases.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical>
            {phrases.map((phrase) => (
              <span key={phrase}>{phrase}</span>
            ))}
          </Flex>
        );
      },
    },
  ];
}

/** 操作日志: who changed what and when, newest first, narrowed by person, action, target and days; each entry opens to its before and after. */
export function AuditLogPage() {
  const { client, token } = useAdminApi();
  const load = useCallback<LoadCursorPage<AuditEntryDoc, AuditFilter>>(
    (filter, cursor, signal) =>
      client.call('listAuditLog', { token, pageSize: AUDIT_LOG_PAGE_SIZE, ...filter, ...(cursor ? { cursor } : {}) }, { signal }),
    [client, token],
  );
  const pages = useCursorPages(load, {});
  const loadStores = useCallback<LoadWholeList<StoreRow, null>>(
    (_filter, signal) => client.call('listStores', { token }, { signal }),
    [client, token],
  );
  const stores = useWholeList(loadStores, null);
  const storeName = (storeId: string) => stores.rows.find((store) => store.storeId === storeId)?.name ?? storeId;
  const filtered = Object.keys(pages.filter).length > 0;

  return (
    <Card title="操作日志">
      <AuditFilters onApply={pages.applyFilter} />
      <CursorTable<AuditEntryDoc>
        pages={pages}
        classPrefix="audit-log"
        errorTitle="操作日志加载失败"
        emptyText={filtered ? '没有符合条件的操作记录' : '还没有操作记录'}
        rowKey="_id"
        columns={auditColumns(storeName)}
        expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
        scrollX={900}
      />
    </Card>
  );
}
