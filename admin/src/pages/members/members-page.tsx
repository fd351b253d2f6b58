import { Button, Card, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Suspense, lazy, useCallback, useState } from 'react';
import type { MemberQuery, MemberSearchBy } from '~/core/members/member-search';
import { readMemberQuery } from '~/core/members/member-search';
import { formatPoints } from '~/core/money/format';
import type { MemberRow } from '~/types/functions/admin';
import type { MemberSearchRow } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';

/** Rows per page; the server accepts 1–100. */
export const MEMBERS_PAGE_SIZE = 20;

// The detail (tabs, tables and dialogs) loads when a member is first opened, so the list stays quick to show.
const MemberDetailDrawer = lazy(() => import('./member-detail-drawer').then((module) => ({ default: module.MemberDetailDrawer })));

/** A row of the newest-members list, or of a search (which adds the phone and the account's status). */
type DeskRow = MemberRow & Partial<Pick<MemberSearchRow, 'phone' | 'status'>>;

/** What the table shows: the newest members (empty query), or a search. */
interface DeskFilter {
  query: string;
  by: MemberSearchBy;
}

const BY_OPTIONS: { value: MemberSearchBy; label: string }[] = [
  { value: 'auto', label: '自动识别' },
  { value: 'phone', label: '手机号' },
  { value: 'memberNo', label: '会员号' },
  { value: 'nickname', label: '昵称' },
];

const KIND_TEXT: Record<Exclude<MemberQuery['kind'], 'invalid'>, string> = {
  phone: '按手机号查找（需完整11位）',
  memberNo: '按会员号查找',
  memberNoPart: '按会员号的前几位或后几位查找',
  nickname: '按昵称开头查找',
};

/**
 * Members: the newest first, or a search from one box (a whole phone number, a member number or
 * its first or last digits, or the start of a nickname; the selector says which when it is not
 * obvious). A member number opens the member's detail.
 */
export function MembersPage() {
  const { client, token } = useAdminApi();
  const [queryInput, setQueryInput] = useState('');
  const [by, setBy] = useState<MemberSearchBy>('auto');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const load = useCallback<LoadCursorPage<DeskRow, DeskFilter>>(
    (filter, cursor, signal) =>
      filter.query
        ? client.call(
            'searchMembers',
            { token, query: filter.query, by: filter.by, pageSize: MEMBERS_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
            { signal },
          )
        : client.call('listMembers', { token, pageSize: MEMBERS_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal }),
    [client, token],
  );
  const pages = useCursorPages(load, { query: '', by: 'auto' });
  const { query } = pages.filter;
  const reading = query ? readMemberQuery(query, pages.filter.by) : null;

  const search = (value: string, mode = by) => {
    const next = value.trim();
    setQueryInput(next);
    const read = next ? readMemberQuery(next, mode) : null;
    if (read?.kind === 'invalid') {
      setInvalid(read.message);
      return;
    }
    setInvalid(null);
    pages.applyFilter({ query: next, by: mode });
  };

  const columns: TableColumnsType<DeskRow> = [
    {
      title: '会员号',
      dataIndex: 'memberNo',
      key: 'memberNo',
      width: 180,
      render: (memberNo: string, row) => (
        <Button type="link" className="member-open" style={{ padding: 0 }} onClick={() => setOpenId(row.memberId)}>
          {memberNo}
        </Button>
      ),
    },
    {
      title: '昵称',
      dataIndex: 'nickname',
      key: 'nickname',
      ellipsis: true,
      render: (nickname: string, row) => (
        <Space size={4}>
          <span>{nickname}</span>
          {row.status === 'deleted' ? <Tag>已注销</Tag> : null}
        </Space>
      ),
    },
    ...(query ? [{ title: '手机号', dataIndex: 'phone', key: 'phone', width: 140, render: (phone: string | null) => phone ?? '—' }] : []),
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

  return (
    <>
      <Card
        title="会员"
        extra={
          <Space.Compact style={{ width: 480, maxWidth: '100%' }}>
            <Select<MemberSearchBy>
              className="members-search-by"
              aria-label="查找方式"
              value={by}
              options={BY_OPTIONS}
              onChange={(mode) => {
                setBy(mode);
                if (queryInput) search(queryInput, mode);
              }}
              style={{ width: 120 }}
            />
            <Input.Search
              className="members-search"
              placeholder="手机号 / 会员号（可输前几位或后几位）/ 昵称"
              allowClear
              maxLength={40}
              value={queryInput}
              onChange={(event) => setQueryInput(event.target.value)}
              onSearch={(value) => search(value)}
              enterButton="搜索"
            />
          </Space.Compact>
        }
      >
        {invalid ? (
          <Typography.Text type="danger" className="members-search-invalid" style={{ display: 'block', marginBottom: 12 }}>
            {invalid}
          </Typography.Text>
        ) : reading && reading.kind !== 'invalid' ? (
          <Flex gap={8} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary" className="members-search-kind">
              {KIND_TEXT[reading.kind]}：{query}
            </Typography.Text>
            <Typography.Link className="members-search-clear" onClick={() => search('')}>
              显示全部会员
            </Typography.Link>
          </Flex>
        ) : null}
        <CursorTable<DeskRow>
          pages={pages}
          classPrefix="members"
          errorTitle={query ? '会员查找失败' : '会员列表加载失败'}
          emptyText={query ? `没有找到与“${query}”匹配的会员` : '还没有会员'}
          rowKey="memberId"
          columns={columns}
          scrollX={query ? 900 : 760}
        />
      </Card>
      {openId ? (
        <Suspense fallback={null}>
          <MemberDetailDrawer memberId={openId} onClose={() => setOpenId(null)} onChanged={pages.reload} />
        </Suspense>
      ) : null}
    </>
  );
}
