import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Typography, message } from 'antd';
import { useCallback, useState } from 'react';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { TierOption } from '~/types/functions/admin-coupons';
import type { AdminRewardRow } from '~/types/functions/admin-rewards';
import type { RewardDoc } from '~/types/rewards';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { ListTable } from '../../components/list-table';
import { useMayTake } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { rewardColumns } from './reward-columns';
import { RewardDrawer } from './reward-drawer';
import { RewardStockModal } from './reward-stock-modal';

type StatusFilter = 'all' | RewardDoc['status'];

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'active', label: '已上架' },
  { value: 'paused', label: '已下架' },
  { value: 'ended', label: '已结束' },
];

/** Which dialog is open: the reward drawer (null reward = 新建) or the stock dialog. */
type Editing = { kind: 'reward'; reward: AdminRewardRow | null } | { kind: 'stock'; reward: AdminRewardRow } | null;

/** 礼品: the points mall's rewards with stock and redeemed counts; 新建/编辑, 库存, 上架/下架/结束 for the roles that may. */
export function RewardList() {
  const { client, token, onSessionLost } = useAdminApi();
  const may = useMayTake();
  const [editing, setEditing] = useState<Editing>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [notice, noticeHolder] = message.useMessage();

  const load = useCallback<LoadWholeList<AdminRewardRow, StatusFilter>>(
    async (status, signal) => {
      const answer = await client.call('listRewards', { token, status }, { signal });
      setTotal(answer.total);
      return answer;
    },
    [client, token],
  );
  const rewards = useWholeList(load, 'all');
  const loadTiers = useCallback<LoadWholeList<TierOption, null>>(
    (_filter, signal) => client.call('listTiers', { token }, { signal }),
    [client, token],
  );
  const tiers = useWholeList(loadTiers, null);
  const mayEdit = may('saveReward');
  const loadTemplates = useCallback<LoadWholeList<CouponTemplateDoc, null>>(
    (_filter, signal) =>
      mayEdit && may('listCouponTemplates')
        ? client.call('listCouponTemplates', { token, status: 'active', pageSize: 100 }, { signal })
        : Promise.resolve({ items: [] }),
    [client, token, mayEdit, may],
  );
  const templates = useWholeList(loadTemplates, null);

  const shelve = async (reward: AdminRewardRow, status: RewardDoc['status']) => {
    const verb = status === 'active' ? '上架' : status === 'paused' ? '下架' : '结束';
    setBusyId(reward._id);
    setActionError(null);
    const outcome = await outcomeOf(() => client.call('setRewardStatus', { token, rewardId: reward._id, status }), describeActionError);
    if (!outcome.ok && outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setBusyId(null);
    if (outcome.ok) notice.success(`已${verb}「${reward.title}」`);
    else setActionError(`${verb}「${reward.title}」未成功：${outcome.failure.message}`);
    rewards.reload();
  };

  return (
    <>
      {noticeHolder}
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center">
          <Segmented<StatusFilter>
            className="rewards-status-filter"
            options={STATUS_OPTIONS}
            value={rewards.filter}
            onChange={(status) => {
              setActionError(null);
              rewards.applyFilter(status);
            }}
          />
          {total !== null && rewards.error === null ? (
            <Typography.Text className="rewards-total" type="secondary">
              共 {total} 件
            </Typography.Text>
          ) : null}
        </Flex>
        {mayEdit ? (
          <Button
            className="reward-create-button"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ kind: 'reward', reward: null })}
          >
            新建礼品
          </Button>
        ) : null}
      </Flex>
      {tiers.error !== null || templates.error !== null ? (
        <Alert
          className="reward-options-error"
          type="warning"
          showIcon
          title="会员等级或券模板加载失败，表单中的选项可能不全"
          description={tiers.error ?? templates.error}
          action={
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                tiers.reload();
                templates.reload();
              }}
            >
              重试
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ActionError className="rewards-action-error" message={actionError} onClose={() => setActionError(null)} />
      <ListTable<AdminRewardRow>
        list={rewards}
        classPrefix="rewards"
        errorTitle="礼品列表加载失败"
        emptyText={rewards.filter === 'all' ? '积分商城还没有礼品，点「新建礼品」添加' : '没有该状态的礼品'}
        rowKey="_id"
        columns={rewardColumns({
          tiers: tiers.rows,
          busyId,
          may: { edit: mayEdit, shelve: may('setRewardStatus'), stock: may('changeRewardStock') },
          onEdit: (reward) => setEditing({ kind: 'reward', reward }),
          onStock: (reward) => setEditing({ kind: 'stock', reward }),
          onShelve: (reward, status) => void shelve(reward, status),
        })}
        scrollX={1150}
      />
      {editing?.kind === 'reward' ? (
        <RewardDrawer
          reward={editing.reward}
          tiers={tiers.rows}
          templates={templates.rows}
          onClose={() => setEditing(null)}
          onSaved={(reward, created) => {
            setEditing(null);
            notice.success(created ? `已创建礼品「${reward.title}」，上架后会员可在积分商城看到` : `已保存礼品「${reward.title}」`);
            rewards.reload();
          }}
        />
      ) : null}
      {editing?.kind === 'stock' ? (
        <RewardStockModal
          reward={editing.reward}
          onClose={() => setEditing(null)}
          onSaved={(reward) => {
            setEditing(null);
            notice.success(`「${reward.title}」库存已改为剩余 ${reward.stockRemaining} 件`);
            rewards.reload();
          }}
        />
      ) : null}
    </>
  );
}
