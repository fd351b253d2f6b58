import { Alert, Drawer, Flex, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { formatFen } from '~/core/money/format';
import type { CampaignDoc, CampaignGroupResult, CampaignResults } from '~/types/campaigns';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { formatDateTime } from '../../format/format-time';
import { GROUP_NAMES, moneyText, ratioText, shareText } from './campaign-labels';

const CampaignChart = lazy(() => import('./campaign-chart'));

const columns: TableColumnsType<CampaignGroupResult> = [
  { title: '分组', dataIndex: 'group', key: 'group', width: 110, fixed: 'left', render: (group: string) => GROUP_NAMES[group] ?? group },
  { title: '人数', dataIndex: 'members', key: 'members', width: 80, align: 'right' },
  { title: '核销率', key: 'couponUseRate', width: 190, render: (_v, row) => shareText(row.couponUseRate) },
  { title: '转化率', key: 'conversion', width: 190, render: (_v, row) => shareText(row.conversion) },
  { title: '复购率', key: 'repurchase', width: 190, render: (_v, row) => shareText(row.repurchase) },
  { title: 'GMV', dataIndex: 'gmvFen', key: 'gmvFen', width: 120, align: 'right', render: (fen: number) => formatFen(fen) },
  { title: '人均 GMV', key: 'gmvPerMember', width: 230, render: (_v, row) => moneyText(row.gmvPerMemberFen) },
  { title: '增量 GMV', key: 'incremental', width: 250, render: (_v, row) => moneyText(row.incrementalGmvFen) },
  { title: '成本', dataIndex: 'costFen', key: 'costFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
  { title: 'ROI', key: 'roi', width: 180, render: (_v, row) => ratioText(row.roi) },
];

/** A campaign's results: each group's figures with 95 % intervals, how they are computed, and the groups over time. */
export function CampaignResultsDrawer({ campaign, onClose }: { campaign: CampaignDoc | null; onClose: () => void }) {
  const { client, token } = useAdminApi();
  const action = useAdminAction();
  const [results, setResults] = useState<CampaignResults | null>(null);
  const campaignId = campaign?._id ?? null;

  useEffect(() => {
    setResults(null);
    if (!campaignId) return;
    void action
      .run(() => client.call('getCampaignResults', { token, campaignId }))
      .then((outcome) => {
        if (outcome.ok) setResults(outcome.value);
        action.setBusy(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaignId, client, token]);

  return (
    <Drawer
      open={campaign !== null}
      onClose={onClose}
      title={campaign ? `活动效果：${campaign.name}` : ''}
      size={1100}
      className="campaign-results-drawer"
    >
      {action.error ? <Alert type="error" showIcon title={action.error} /> : null}
      {!results && !action.error ? <Spin /> : null}
      {results ? (
        <Flex vertical gap={16} className="campaign-results-body">
          <Typography.Text type="secondary">
            统计窗口：{formatDateTime(results.from)} 至 {formatDateTime(results.to)}，数据截至 {formatDateTime(results.asOf)}
          </Typography.Text>
          <Table<CampaignGroupResult>
            className="campaign-results-table"
            rowKey="group"
            rowClassName={(row) => `campaign-results-row campaign-results-row--${row.group}`}
            size="small"
            pagination={false}
            columns={columns}
            dataSource={results.groups}
            scroll={{ x: 1_650 }}
          />
          <Typography.Paragraph type="secondary" className="campaign-results-method">
            括号内为 95% 置信区间。{results.method}
          </Typography.Paragraph>
          <div className="campaign-results-chart">
            <Suspense fallback={<Spin />}>
              <CampaignChart series={results.series} />
            </Suspense>
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
