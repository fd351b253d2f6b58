import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberRow } from '~/types/functions/admin';
import type { AdminClient } from '../api/client';
import { describeError, sessionLostMessage } from '../api/error-messages';
import { formatDateTime } from '../format/format-time';
import { formatPoints } from '../format/format-points';

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

interface Position {
  keyword: string;
  /** Cursor of the page on screen; undefined for the first page. */
  cursor: string | undefined;
  /** Cursors of the pages before this one, oldest first, so 上一页 can go back. */
  previous: Array<string | undefined>;
  /** Bumped to fetch the same page again (retry, repeated search). */
  attempt: number;
}

interface LoadedPage {
  items: MemberRow[];
  nextCursor: string | null;
}

/** Inputs of the members page. */
export interface MembersPageProps {
  client: AdminClient;
  token: string;
  /** Called when the server no longer accepts the session, with the message for the login screen. */
  onSessionLost: (message: string) => void;
}

/** Member list: keyword search on nickname or member number, one cursor page at a time. */
export function MembersPage({ client, token, onSessionLost }: MembersPageProps) {
  const [keywordInput, setKeywordInput] = useState('');
  const [position, setPosition] = useState<Position>({ keyword: '', cursor: undefined, previous: [], attempt: 0 });
  const [page, setPage] = useState<LoadedPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const { keyword, cursor, attempt } = position;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    client
      .call(
        'listMembers',
        { token, pageSize: MEMBERS_PAGE_SIZE, ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) },
        { signal: controller.signal },
      )
      .then(
        (result) => {
          if (controller.signal.aborted) return;
          setPage(result);
          setLoading(false);
        },
        (cause: unknown) => {
          if (controller.signal.aborted) return;
          const lost = sessionLostMessage(cause);
          if (lost !== null) {
            onSessionLost(lost);
            return;
          }
          setPage(null);
          setError(describeError(cause));
          setLoading(false);
        },
      );
    return () => controller.abort();
  }, [client, token, keyword, cursor, attempt, onSessionLost]);

  const search = (value: string) => {
    const next = value.trim();
    setKeywordInput(next);
    setPosition((current) => ({ keyword: next, cursor: undefined, previous: [], attempt: current.attempt + 1 }));
  };

  const goNext = () => {
    const nextCursor = page?.nextCursor;
    if (!nextCursor) return;
    setPosition((current) => ({
      ...current,
      cursor: nextCursor,
      previous: [...current.previous, current.cursor],
    }));
  };

  const goPrevious = () => {
    setPosition((current) => {
      if (current.previous.length === 0) return current;
      return {
        ...current,
        cursor: current.previous[current.previous.length - 1],
        previous: current.previous.slice(0, -1),
      };
    });
  };

  const retry = () => setPosition((current) => ({ ...current, attempt: current.attempt + 1 }));

  const pageNumber = position.previous.length + 1;
  const emptyText = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={keyword ? `没有找到与“${keyword}”匹配的会员` : '还没有会员'}
    />
  );

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
      {error ? (
        <Alert
          type="error"
          showIcon
          title="会员列表加载失败"
          description={error}
          action={
            <Button icon={<ReloadOutlined />} onClick={retry}>
              重试
            </Button>
          }
        />
      ) : (
        <>
          <Table<MemberRow>
            className="members-table"
            rowKey="memberId"
            columns={columns}
            dataSource={page?.items ?? []}
            loading={loading}
            pagination={false}
            locale={{ emptyText: loading ? <div style={{ height: 120 }} /> : emptyText }}
            scroll={{ x: 760 }}
          />
          <Flex justify="flex-end" align="center" gap="middle" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">第 {pageNumber} 页</Typography.Text>
            <Space>
              <Button
                className="members-prev"
                icon={<LeftOutlined />}
                onClick={goPrevious}
                disabled={loading || position.previous.length === 0}
              >
                上一页
              </Button>
              <Button
                className="members-next"
                icon={<RightOutlined />}
                iconPlacement="end"
                onClick={goNext}
                disabled={loading || !page?.nextCursor}
              >
                下一页
              </Button>
            </Space>
          </Flex>
        </>
      )}
    </Card>
  );
}
