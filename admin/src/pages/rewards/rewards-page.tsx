import { Card, Result, Tabs } from 'antd';
import { useMayTake } from '../../hooks/use-may';
import { RedemptionList } from './redemption-list';
import { RewardList } from './reward-list';

/** 积分商城: the rewards (礼品) and every member's redemptions (兑换记录), each tab for the roles that may read it. */
export function RewardsPage() {
  const may = useMayTake();
  const tabs = [
    ...(may('listRewards') ? [{ key: 'rewards', label: '礼品', children: <RewardList /> }] : []),
    ...(may('listRedemptions') ? [{ key: 'redemptions', label: '兑换记录', children: <RedemptionList /> }] : []),
  ];
  if (tabs.length === 0) return <Result className="rewards-forbidden" status="403" title="当前角色不能查看积分商城" />;
  return (
    <Card title="积分商城">
      <Tabs className="rewards-tabs" items={tabs} destroyOnHidden />
    </Card>
  );
}
