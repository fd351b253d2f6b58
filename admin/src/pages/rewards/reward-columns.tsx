import { Button, Flex, Image, Popconfirm, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, formatPoints } from '~/core/money/format';
import type { TierOption } from '~/types/functions/admin-coupons';
import type { AdminRewardRow } from '~/types/functions/admin-rewards';
import type { RewardDoc } from '~/types/rewards';
import { formatDay } from '../../format/format-time';
import { REWARD_KIND_TEXT, REWARD_STATUS } from './reward-labels';

/** What the action buttons of the rewards table do, and which the role may use. */
export interface RewardActions {
  tiers: readonly TierOption[];
  busyId: string | null;
  may: { edit: boolean; shelve: boolean; stock: boolean };
  onEdit: (reward: AdminRewardRow) => void;
  onStock: (reward: AdminRewardRow) => void;
  onShelve: (reward: AdminRewardRow, status: RewardDoc['status']) => void;
}

/** The window a reward can be redeemed in, as days. */
function windowText(reward: AdminRewardRow): string {
  if (reward.availableFrom === null && reward.availableTo === null) return '不限';
  const from = reward.availableFrom === null ? '即日起' : formatDay(reward.availableFrom);
  const to = reward.availableTo === null ? '长期' : formatDay(reward.availableTo);
  return `${from} 至 ${to}`;
}

/** Columns of the rewards table: the reward, its price, stock and redeemed count, rules, shelf state and actions. */
export function rewardColumns({ tiers, busyId, may, onEdit, onStock, onShelve }: RewardActions): TableColumnsType<AdminRewardRow> {
  const tierName = (tierId: string | null) =>
    tierId === null ? '所有会员' : `${tiers.find((tier) => tier.tierId === tierId)?.name ?? tierId}及以上`;
  const columns: TableColumnsType<AdminRewardRow> = [
    {
      title: '礼品',
      key: 'title',
      render: (_, reward) => (
        <Flex gap={8} align="center">
          {/^(https:|\/media\/)/.test(reward.imageUrl) ? (
            <Image src={reward.imageUrl} width={40} height={40} preview={false} alt="" />
          ) : null}
          <Flex vertical>
            <Typography.Text strong>{reward.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reward._id} · {reward.category}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    { title: '类型', key: 'kind', width: 100, render: (_, reward) => <Tag>{REWARD_KIND_TEXT[reward.kind]}</Tag> },
    {
      title: '价格',
      key: 'price',
      width: 150,
      render: (_, reward) => `${formatPoints(reward.pointsCost)} 积分${reward.cashFen > 0 ? ` + ${formatFen(reward.cashFen)}` : ''}`,
    },
    {
      title: '剩余/总库存',
      key: 'stock',
      width: 110,
      align: 'right',
      render: (_, reward) => (
        <Typography.Text className="reward-stock-cell" type={reward.stockRemaining === 0 ? 'danger' : undefined}>
          {reward.stockRemaining} / {reward.totalStock}
        </Typography.Text>
      ),
    },
    { title: '已兑出', dataIndex: 'redeemedCount', key: 'redeemed', width: 80, align: 'right' },
    {
      title: '兑换规则',
      key: 'rules',
      width: 220,
      render: (_, reward) => (
        <Flex vertical>
          <span>
            每人限 {reward.perMemberLimit} 次 · {tierName(reward.minTierId)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {windowText(reward)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, reward) => <Tag color={REWARD_STATUS[reward.status].color}>{REWARD_STATUS[reward.status].text}</Tag>,
    },
  ];
  if (!may.edit && !may.shelve && !may.stock) return columns;
  return [
    ...columns,
    {
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, reward) => {
        const busy = busyId !== null;
        return (
          <Flex gap={4} wrap>
            {may.edit ? (
              <Button className="reward-edit" size="small" disabled={busy} onClick={() => onEdit(reward)}>
                编辑
              </Button>
            ) : null}
            {may.stock ? (
              <Button className="reward-stock" size="small" disabled={busy || reward.status === 'ended'} onClick={() => onStock(reward)}>
                库存
              </Button>
            ) : null}
            {may.shelve && reward.status !== 'active' && reward.status !== 'ended' ? (
              <Button
                className="reward-on-shelf"
                size="small"
                type="primary"
                loading={busyId === reward._id}
                disabled={busy}
                onClick={() => onShelve(reward, 'active')}
              >
                上架
              </Button>
            ) : null}
            {may.shelve && reward.status === 'active' ? (
              <Popconfirm
                title={`下架「${reward.title}」？`}
                description="会员将看不到它；已兑换的仍可提货"
                okText="下架"
                cancelText="取消"
                onConfirm={() => onShelve(reward, 'paused')}
              >
                <Button className="reward-off-shelf" size="small" loading={busyId === reward._id} disabled={busy}>
                  下架
                </Button>
              </Popconfirm>
            ) : null}
            {may.shelve && reward.status === 'paused' ? (
              <Popconfirm
                title={`结束「${reward.title}」？`}
                description="结束后不能再上架；已兑换的仍可提货"
                okText="结束"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => onShelve(reward, 'ended')}
              >
                <Button className="reward-end" size="small" danger disabled={busy}>
                  结束
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        );
      },
    },
  ];
}
