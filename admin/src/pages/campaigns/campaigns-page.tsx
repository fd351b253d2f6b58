import { Button, Card, Flex, Popconfirm, Tag, Typography, message as antMessage } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { CampaignDoc } from '~/types/campaigns';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { CursorTable } from '../../components/cursor-table';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { useMay } from '../../hooks/use-may';
import { CAMPAIGN_STATUS } from './campaign-labels';
import { CampaignResultsDrawer } from './campaign-results-drawer';
import { CreateCampaignDrawer } from './create-campaign-drawer';

/** Rows per page; the server accepts 1–100. */
export const CAMPAIGNS_PAGE_SIZE = 20;

/** Campaigns, newest first: status, who they reached, launch and stop with confirmation, and each one's results. */
export function CampaignsPage() {
  const { client, token } = useAdminApi();
  const [message, messageHolder] = antMessage.useMessage();
  const mayRun = useMay('saveCampaign');
  const [creating, setCreating] = useState(false);
  const [showing, setShowing] = useState<CampaignDoc | null>(null);
  const load = useCallback<LoadCursorPage<CampaignDoc, 'all'>>(
    (_filter, cursor, signal) =>
      client.call('listCampaigns', { token, pageSize: CAMPAIGNS_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal }),
    [client, token],
  );
  const pages = useCursorPages(load, 'all');

  const act = async (action: 'launchCampaign' | 'stopCampaign', campaign: CampaignDoc) => {
    const outcome = await outcomeOf(() => client.call(action, { token, campaignId: campaign._id }), describeActionError);
    if (outcome.ok) {
      void message.success(action === 'launchCampaign' ? '活动已启动，将在几分钟内圈定人群并发放' : '活动已停止');
      pages.reload();
    } else void message.error(outcome.failure.message);
  };

  const columns: TableColumnsType<CampaignDoc> = [
    { title: '活动', dataIndex: 'name', key: 'name', width: 180 },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (status: CampaignDoc['status']) => <Tag color={CAMPAIGN_STATUS[status].color}>{CAMPAIGN_STATUS[status].text}</Tag>,
    },
    { title: '发放理由', dataIndex: 'reason', key: 'reason', width: 180, ellipsis: true },
    { title: '对照组', key: 'holdout', width: 90, render: (_v, row) => `${row.holdoutPercent}%` },
    {
      title: '人数（对照/处理）',
      key: 'members',
      width: 150,
      render: (_v, row) => `${row.counts.members}（${row.counts.holdout}/${row.counts.treated}）`,
    },
    { title: '已发/超预算', key: 'issued', width: 120, render: (_v, row) => `${row.counts.issued}/${row.counts.capped}` },
    {
      title: '启动时间',
      dataIndex: 'launchedAt',
      key: 'launchedAt',
      width: 160,
      render: (at: number | null) => (at ? formatDateTime(at) : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_v, row) => (
        <Flex gap={8}>
          {mayRun && row.status === 'draft' ? (
            <Popconfirm
              title="启动后将圈定人群并发券，且不可再次启动，确定启动？"
              onConfirm={() => void act('launchCampaign', row)}
              okText="启动"
              cancelText="取消"
              okButtonProps={{ className: 'campaign-launch-confirm' }}
            >
              <Button size="small" type="primary" className="campaign-launch">
                启动
              </Button>
            </Popconfirm>
          ) : null}
          {mayRun && ['draft', 'freezing', 'sending'].includes(row.status) ? (
            <Popconfirm
              title="停止后不再发放，已发的券仍然有效，确定停止？"
              onConfirm={() => void act('stopCampaign', row)}
              okText="停止"
              cancelText="取消"
              okButtonProps={{ className: 'campaign-stop-confirm' }}
            >
              <Button size="small" danger className="campaign-stop">
                停止
              </Button>
            </Popconfirm>
          ) : null}
          {row.launchedAt !== null ? (
            <Button size="small" onClick={() => setShowing(row)} className="campaign-results">
              效果
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title="营销活动"
      extra={
        mayRun ? (
          <Button type="primary" onClick={() => setCreating(true)} className="create-campaign">
            新建活动
          </Button>
        ) : null
      }
    >
      {messageHolder}
      <Typography.Paragraph type="secondary">按分群发券，并按会员哈希留出对照组不发券，用两组差异衡量活动带来的增量。</Typography.Paragraph>
      <CursorTable<CampaignDoc>
        pages={pages}
        classPrefix="campaigns"
        errorTitle="营销活动加载失败"
        emptyText="还没有营销活动"
        rowKey="_id"
        columns={columns}
        scrollX={1_200}
      />
      <CreateCampaignDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void message.success('活动草稿已保存');
          pages.reload();
        }}
      />
      <CampaignResultsDrawer campaign={showing} onClose={() => setShowing(null)} />
    </Card>
  );
}
