import { Alert, Descriptions, Flex, Table, Typography } from 'antd';
import type { AdminProgrammeResponses, ProgrammeChange, TierImpact } from '~/types/functions/admin-programme';

type Preview = AdminProgrammeResponses['previewProgramme'];

const changeColumns = [
  { title: '规则', dataIndex: 'label', key: 'label' },
  { title: '当前版本', dataIndex: 'before', key: 'before' },
  { title: '新版本', dataIndex: 'after', key: 'after', render: (text: string) => <Typography.Text strong>{text}</Typography.Text> },
];

const impactColumns = [
  { title: '等级', dataIndex: 'name', key: 'name' },
  { title: '按当前规则', dataIndex: 'before', key: 'before' },
  { title: '按新规则', dataIndex: 'after', key: 'after' },
];

function TierMoves({ tiers }: { tiers: TierImpact }) {
  const moved = tiers.higher + tiers.lower;
  const scope = `已查看 ${tiers.examined} 位近一年消费落在调整区间内的会员${tiers.capped ? '（人数较多，仅统计前一部分）' : ''}`;
  if (moved === 0)
    return <Typography.Text className="programme-impact-tiers">下次评审时没有会员因门槛调整而改变等级。{scope}</Typography.Text>;
  return (
    <Flex vertical gap={8} className="programme-impact-tiers">
      <Typography.Text>
        下次评审时，{tiers.higher} 位会员将升到更高等级，{tiers.lower} 位会员将降到更低等级。{scope}
      </Typography.Text>
      <Table
        className="programme-impact-table"
        rowKey="tierId"
        size="small"
        pagination={false}
        columns={impactColumns}
        dataSource={tiers.byTier.filter((row) => row.before || row.after)}
      />
    </Flex>
  );
}

/** What a previewed draft changes against the rules in effect and whom it affects, or why it cannot be published. */
export function PreviewResult({ preview }: { preview: Preview }) {
  if (preview.problems.length) {
    return (
      <Alert
        className="programme-problems"
        type="error"
        showIcon
        title="以下规则需要修改后才能发布"
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {preview.problems.map((problem) => (
              <li key={problem.field + problem.message}>{problem.message}</li>
            ))}
          </ul>
        }
      />
    );
  }
  if (preview.changes.length === 0)
    return <Alert className="programme-no-changes" type="info" showIcon title="与当前生效的规则相同，没有需要发布的修改" />;
  return (
    <Flex vertical gap={16}>
      <Table<ProgrammeChange>
        className="programme-diff"
        rowKey="key"
        size="small"
        columns={changeColumns}
        dataSource={preview.changes}
        pagination={false}
        title={() => `与当前生效版本相比，共 ${preview.changes.length} 项修改`}
      />
      {preview.impact ? (
        <Descriptions className="programme-impact" column={1} size="small" bordered title="影响范围">
          <Descriptions.Item label="等级">
            <TierMoves tiers={preview.impact.tiers} />
          </Descriptions.Item>
          <Descriptions.Item label="签到与消费">
            生效后全部 {preview.impact.members} 位会员的签到和消费按新规则计算（近30天共 {preview.impact.purchasesLast30Days} 笔消费）。
          </Descriptions.Item>
          <Descriptions.Item label="已发放">已发放的积分、已完成的订单和优惠券不受影响。</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Flex>
  );
}
