import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Space, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SegmentView } from '~/types/functions/marketing-segments';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { ListTable } from '../../components/list-table';
import { formatDateTime } from '../../format/format-time';
import { useMayTake } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import type { RuleChoices } from './rule-builder';
import { SegmentEditor } from './segment-editor';

const NO_CHOICES: RuleChoices = { tiers: [], stores: [], categories: [], tags: [] };

/** The tiers, stores, categories and special tags the rule builder offers, each loaded if the role may list it. */
function useRuleChoices(): RuleChoices {
  const { client, token } = useAdminApi();
  const may = useMayTake();
  const [choices, setChoices] = useState<RuleChoices>(NO_CHOICES);
  useEffect(() => {
    let live = true;
    const quietly = async <T,>(load: () => Promise<T[]>) => load().catch(() => [] as T[]);
    void Promise.all([
      quietly(async () => (await client.call('listTiers', { token })).items.map((tier) => ({ value: tier.tierId, label: tier.name }))),
      may('listStores')
        ? quietly(async () =>
            (await client.call('listStores', { token })).items.map((store) => ({ value: store.storeId, label: store.name })),
          )
        : [],
      may('listCategories')
        ? quietly(async () =>
            (await client.call('listCategories', { token })).items.map((category) => ({ value: category._id, label: category.name })),
          )
        : [],
      may('listTagDefinitions')
        ? quietly(async () =>
            (await client.call('listTagDefinitions', { token, includeArchived: true })).tags.map((tag) => ({
              tagId: tag._id,
              name: tag.name,
              values: tag.values,
              archived: tag.status !== 'active',
            })),
          )
        : [],
    ]).then(([tiers, stores, categories, tags]) => {
      if (live) setChoices({ tiers, stores, categories, tags });
    });
    return () => {
      live = false;
    };
  }, [client, token, may]);
  return choices;
}

/** 分群: saved rules over the member profiles with their last count; build, count, edit and archive them. */
export function SegmentsPage() {
  const { client, token, onSessionLost } = useAdminApi();
  const may = useMayTake();
  const choices = useRuleChoices();
  const [editing, setEditing] = useState<SegmentView | 'new' | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();

  const load = useCallback<LoadWholeList<SegmentView, null>>(
    async (_filter, signal) => client.call('listSegments', { token }, { signal }),
    [client, token],
  );
  const list = useWholeList(load, null);

  const act = async (segment: SegmentView, verb: string, action: () => Promise<unknown>, done: string) => {
    setBusyId(segment._id);
    setActionError(null);
    const outcome = await outcomeOf(action, describeActionError);
    setBusyId(null);
    if (outcome.ok) notice.success(done);
    else if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    else setActionError(`${verb}「${segment.name}」未成功：${outcome.failure.message}`);
    list.reload();
  };

  const columns: TableColumnsType<SegmentView> = [
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '说明', dataIndex: 'description', key: 'description' },
    {
      title: '上次人数',
      key: 'lastCount',
      render: (_v, row) => (row.lastCount === null ? '未统计' : `${row.lastCount.toLocaleString('zh-CN')} 人`),
    },
    { title: '统计时间', key: 'countedAt', render: (_v, row) => (row.countedAt === null ? '—' : formatDateTime(row.countedAt)) },
    { title: '更新时间', key: 'updatedAt', render: (_v, row) => formatDateTime(row.updatedAt) },
    {
      title: '操作',
      key: 'actions',
      render: (_v, row) => (
        <Space size={0}>
          <Button className="segment-edit" type="link" onClick={() => setEditing(row)}>
            {may('saveSegment') ? '编辑' : '查看'}
          </Button>
          <Button
            className="segment-count"
            type="link"
            loading={busyId === row._id}
            onClick={() =>
              void act(row, '统计', () => client.call('countSegment', { token, segmentId: row._id }), `已重新统计「${row.name}」`)
            }
          >
            重新统计
          </Button>
          {may('archiveSegment') ? (
            <Popconfirm
              title={`归档分群「${row.name}」？`}
              description="归档后不再出现在列表中，已用它冻结的活动名单不受影响"
              okText="归档"
              cancelText="取消"
              onConfirm={() =>
                act(row, '归档', () => client.call('archiveSegment', { token, segmentId: row._id }), `已归档「${row.name}」`)
              }
            >
              <Button className="segment-archive" type="link" danger>
                归档
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card title="分群">
      {noticeHolder}
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <span className="segments-total">共 {list.rows.length} 个分群</span>
        <Button className="segment-create-button" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {may('saveSegment') ? '新建分群' : '试算分群'}
        </Button>
      </Flex>
      <ActionError className="segments-action-error" message={actionError} onClose={() => setActionError(null)} />
      <ListTable<SegmentView>
        list={list}
        classPrefix="segments"
        errorTitle="分群加载失败"
        emptyText="还没有分群"
        rowKey="_id"
        columns={columns}
      />
      {editing === null ? null : (
        <SegmentEditor
          segment={editing === 'new' ? null : editing}
          choices={choices}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notice.success(`已保存分群「${saved.name}」`);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
