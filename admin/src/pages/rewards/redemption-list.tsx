import { Button, Flex, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { formatFen, formatPoints } from '~/core/money/format';
import type { AdminRedemptionRow, AdminRewardRow } from '~/types/functions/admin-rewards';
import type { StoreRow } from '~/types/functions/admin-staff';
import { useAdminApi } from '../../api/admin-api-context';
import { CursorTable } from '../../components/cursor-table';
import { ReasonModal } from '../../components/reason-modal';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { useMayTake } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { HandOverModal } from './hand-over-modal';
import { RedemptionSearchBar } from './redemption-search';
import type { RedemptionSearch } from './redemption-search';
import { REDEMPTION_STATUS, REWARD_KIND_TEXT } from './reward-labels';

/** Rows per page; the server accepts 1–100. */
export const REDEMPTIONS_PAGE_SIZE = 20;

type Acting = { kind: 'handOver' | 'cancel'; redemption: AdminRedemptionRow } | null;

/** How a redemption was fulfilled (or why not), in a line. */
function fulfilmentText(row: AdminRedemptionRow): string {
  if (row.status === 'fulfilled')
    return `${row.fulfilledStoreName ?? '门店'} 交付${row.fulfilledAt ? ` · ${formatDateTime(row.fulfilledAt)}` : ''}${row.cashCollectedFen ? ` · 收现金 ${formatFen(row.cashCollectedFen)}` : ''}`;
  if (row.status === 'issued') return row.couponInstanceId ? `券已发放（${row.couponInstanceId}）` : '券已发放';
  if (row.status === 'awaitingPickup') return '会员凭提货码到店领取';
  if (row.status === 'cancelled') return `${row.cancelledAt ? `${formatDateTime(row.cancelledAt)} ` : ''}已取消，积分已退回`;
  if (row.status === 'failed') return `未成功${row.failure ? `（${row.failure}）` : ''}，已扣的积分已退回`;
  return '处理中';
}

/** 兑换记录: every member's redemptions with filters and a total, fulfilment state, and 到店交付/取消兑换 for the roles that may. */
export function RedemptionList() {
  const { client, token } = useAdminApi();
  const may = useMayTake();
  const [acting, setActing] = useState<Acting>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [notice, noticeHolder] = message.useMessage();

  const load = useCallback<LoadCursorPage<AdminRedemptionRow, RedemptionSearch>>(
    async (search, cursor, signal) => {
      const answer = await client.call(
        'listRedemptions',
        { token, ...search, pageSize: REDEMPTIONS_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        { signal },
      );
      setTotal(answer.total);
      return answer;
    },
    [client, token],
  );
  const pages = useCursorPages(load, {});
  const loadRewards = useCallback<LoadWholeList<AdminRewardRow, null>>(
    (_filter, signal) =>
      may('listRewards') ? client.call('listRewards', { token, status: 'all' }, { signal }) : Promise.resolve({ items: [] }),
    [client, token, may],
  );
  const rewards = useWholeList(loadRewards, null);
  const mayHandOver = may('handOverRedemption');
  const loadStores = useCallback<LoadWholeList<StoreRow, null>>(
    (_filter, signal) => (mayHandOver ? client.call('listStores', { token }, { signal }) : Promise.resolve({ items: [] })),
    [client, token, mayHandOver],
  );
  const stores = useWholeList(loadStores, null);
  const mayCancel = may('cancelRedemption');

  const columns: TableColumnsType<AdminRedemptionRow> = [
    { title: '兑换时间', key: 'createdAt', width: 150, render: (_, row) => formatDateTime(row.createdAt) },
    {
      title: '礼品',
      key: 'title',
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text>{row.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {REWARD_KIND_TEXT[row.kind]}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '会员',
      key: 'member',
      width: 180,
      render: (_, row) =>
        row.member ? (
          <Flex vertical>
            <Typography.Text>{row.member.nickname}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.member.memberNo}
              {row.member.phone ? ` · ${row.member.phone}` : ''}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">会员已注销</Typography.Text>
        ),
    },
    {
      title: '花费',
      key: 'cost',
      width: 150,
      render: (_, row) => `${formatPoints(row.pointsCost)} 积分${row.cashFen > 0 ? ` + ${formatFen(row.cashFen)}` : ''}`,
    },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, row) => <Tag color={REDEMPTION_STATUS[row.status].color}>{REDEMPTION_STATUS[row.status].text}</Tag>,
    },
    {
      title: '履约',
      key: 'fulfilment',
      width: 240,
      render: (_, row) => <Typography.Text type="secondary">{fulfilmentText(row)}</Typography.Text>,
    },
    ...(mayHandOver || mayCancel
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 170,
            fixed: 'right' as const,
            render: (_: unknown, row: AdminRedemptionRow) =>
              row.status === 'awaitingPickup' ? (
                <Flex gap={4}>
                  {mayHandOver ? (
                    <Button
                      className="redemption-hand-over"
                      size="small"
                      type="primary"
                      onClick={() => setActing({ kind: 'handOver', redemption: row })}
                    >
                      到店交付
                    </Button>
                  ) : null}
                  {mayCancel && row.cancellable ? (
                    <Button
                      className="redemption-cancel"
                      size="small"
                      danger
                      onClick={() => setActing({ kind: 'cancel', redemption: row })}
                    >
                      取消兑换
                    </Button>
                  ) : null}
                </Flex>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      {noticeHolder}
      <RedemptionSearchBar rewards={rewards.rows} onSearch={pages.applyFilter} />
      {total !== null && pages.error === null ? (
        <Typography.Paragraph className="redemptions-total" type="secondary">
          共 {total} 条兑换记录
        </Typography.Paragraph>
      ) : null}
      <CursorTable<AdminRedemptionRow>
        pages={pages}
        classPrefix="redemptions"
        errorTitle="兑换记录加载失败"
        emptyText={Object.keys(pages.filter).length === 0 ? '还没有会员兑换过礼品' : '没有符合条件的兑换记录'}
        rowKey="_id"
        columns={columns}
        scrollX={1200}
      />
      {acting?.kind === 'handOver' ? (
        <HandOverModal
          redemption={acting.redemption}
          stores={stores.rows.filter((store) => store.status === 'open')}
          onClose={() => setActing(null)}
          onDone={(row) => {
            setActing(null);
            notice.success(`已在${row.fulfilledStoreName ?? '门店'}交付「${row.title}」`);
            pages.reload();
          }}
        />
      ) : null}
      {acting?.kind === 'cancel' ? (
        <ReasonModal<AdminRedemptionRow>
          className="cancel-redemption-modal"
          inputClassName="cancel-redemption-reason"
          title={`取消兑换 · ${acting.redemption.title}`}
          okText="取消兑换"
          summary={`取消后 ${formatPoints(acting.redemption.pointsCost)} 积分退回会员，库存和兑换次数一并退回。`}
          noun="取消原因"
          labelNote="记入操作日志"
          placeholder="例如：会员无法到店领取"
          send={(reason) => client.call('cancelRedemption', { token, redemptionId: acting.redemption._id, reason })}
          onClose={() => setActing(null)}
          onDone={(row) => {
            setActing(null);
            notice.success(`已取消「${row.title}」的兑换，积分已退回`);
            pages.reload();
          }}
        />
      ) : null}
    </>
  );
}
