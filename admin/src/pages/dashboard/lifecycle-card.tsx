import { Card, Flex, Statistic, Tag } from 'antd';
import type { ReactElement } from 'react';
import type { LifecycleStage } from '~/types/marketing';
import { STAGE_COLOR, STAGE_TEXT } from '../../format/stage-text';

/** Members by lifecycle stage at the end of the range, with each stage's share. */
export function LifecycleCard({ stages }: { stages: Record<LifecycleStage, number> }): ReactElement {
  const total = Object.values(stages).reduce((sum, n) => sum + n, 0);
  return (
    <Card size="small" title="会员生命周期" className="dashboard-lifecycle" extra="按每日会员画像刷新">
      <Flex gap="large" wrap>
        {(Object.keys(STAGE_TEXT) as LifecycleStage[]).map((stage) => (
          <Statistic
            key={stage}
            className={`dashboard-stage-${stage}`}
            title={<Tag color={STAGE_COLOR[stage]}>{STAGE_TEXT[stage]}</Tag>}
            value={stages[stage] ?? 0}
            suffix={total > 0 ? `(${Math.round((100 * (stages[stage] ?? 0)) / total)}%)` : undefined}
          />
        ))}
      </Flex>
    </Card>
  );
}
