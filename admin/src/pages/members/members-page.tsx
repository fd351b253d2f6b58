import { Card, Input, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { formatPoints } from '~/core/money/format';
import type { MemberRow } from '~/types/functions/admin';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';

/** Rows per page; the server accepts 1–100. */
export const MEMBERS_PAGE_SIZE = 20;

const columns: TableColumnsType<MemberRow> = [
  { title: '会员号', dataIndex: 'memberNo', key: 'memberNo', width: 180 },
  { title: '昵称', dataIndex: 'nickname', key: 'nickname', ellipsis: true },
  { title: '等级', dataIndex: 'tierName', key: 'tierId', width: 120, render: (name: string) => <Tag>{name}</Tag> },
  {
    title: '可用积分',
    dataIndex: 'pointsAvailable',
    key: 'pointsAvailable',
    width: 140,
    align: 'right',
    render: (points: number) => formatPoints(points),
  },
  {
    title: '入会时间',
    dataIndex: 'joinedAt',
    key: 'joinedAt',
    width: 180,
    render: (joinedAt: number) => formatDateTime(joinedAt),
  },
];

/** Member list: keyword search on nickname or member number, one cursor page at a time. */
export function MembersPage() {
  const { client, token } = useAdminApi();
  const [keywordInput, setKeywordInput] = useState('');
  const load = useCallback<LoadCursorPage<MemberRow, string>>(
    (keyword, cursor, signal) =>
      client.call(
        'listMembers',
        { token, pageSize: MEMBERS_PAGE_SIZE, ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) },
        { signal },
      ),
    [client, token],
  );
  const pages = useCursorPages(load, '');
  const keyword = pages.filter;

  const search = (value: string) => {
    const next = value.trim();
    setKeywordInput(next);
    pages.applyFilter(next);
  };

  return (
    <Card
      title="会员"
      extra={
        <Input.Search
          className="members-search"
          placeholder="搜索昵称或会员号"
          allowClear
          maxLength={64}
          value={keywordInput}
          onChange={(event) => setKeywordInput(event.target.value)}
          onSearch={search}
          enterButton="搜索"
          style={{ width: 320, maxWidth: '100%' }}
        />
      }
    >
      <CursorTable<MemberRow>
        pages={pages}
        classPrefix="members"
        errorTitle="会员列表加载失败"
        emptyText={keyword ? `没有找到与“${keyword}”匹配的会员` : '还没有会员'}
        rowKey="memberId"
        columns={columns}
        scrollX={760}
      />
    </Card>
  );
}
