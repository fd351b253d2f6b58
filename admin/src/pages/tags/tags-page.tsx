import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Tag, Typography, message } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { TagDefinitionView } from '~/types/functions/marketing-tags';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { ListTable } from '../../components/list-table';
import { useMayTake } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { TagImportModal } from './tag-import-modal';
import { TagModal } from './tag-modal';
import { TagSegmentModal } from './tag-segment-modal';

type Dialog = { kind: 'edit'; tag: TagDefinitionView | null } | { kind: 'import' | 'segment'; tag: TagDefinitionView } | null;

/** 标签: the special tags with how many members hold each value; 新建/编辑, 导入, 按分群打标 and 归档 for the roles that may. */
export function TagsPage() {
  const { client, token, onSessionLost } = useAdminApi();
  const may = useMayTake();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const load = useCallback<LoadWholeList<TagDefinitionView, null>>(
    async (_filter, signal) => ({ items: (await client.call('listTagDefinitions', { token }, { signal })).tags }),
    [client, token],
  );
  const tags = useWholeList(load, null);
  const mayEdit = may('saveTagDefinition');

  const archive = async (tag: TagDefinitionView) => {
    setBusyId(tag._id);
    setActionError(null);
    const outcome = await outcomeOf(() => client.call('archiveTagDefinition', { token, tagId: tag._id }), describeActionError);
    if (!outcome.ok && outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setBusyId(null);
    if (outcome.ok) notice.success(`已归档标签「${tag.name}」`);
    else setActionError(`归档标签「${tag.name}」未成功：${outcome.failure.message}`);
    tags.reload();
  };

  const columns: TableColumnsType<TagDefinitionView> = [
    {
      title: '标签',
      key: 'name',
      width: 180,
      render: (_, tag) => (
        <Flex vertical>
          <Typography.Text strong>{tag.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tag._id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '可选值（会员数）',
      key: 'values',
      render: (_, tag) => (
        <Flex wrap gap={4} className="tag-value-counts">
          {tag.values.map((value) => (
            <Tag key={value}>
              {value} · {tag.counts?.[value] ?? 0}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: '店员可设置',
      key: 'staffCanSet',
      width: 110,
      render: (_, tag) => (tag.staffCanSet ? <Tag color="blue">可以</Tag> : <Tag>不可以</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      render: (_, tag) => (
        <Flex gap={4}>
          <Button className="tag-edit" size="small" disabled={busyId !== null} onClick={() => setDialog({ kind: 'edit', tag })}>
            编辑
          </Button>
          <Button className="tag-import" size="small" disabled={busyId !== null} onClick={() => setDialog({ kind: 'import', tag })}>
            导入
          </Button>
          {may('applyTagToSegment') ? (
            <Button className="tag-by-segment" size="small" disabled={busyId !== null} onClick={() => setDialog({ kind: 'segment', tag })}>
              按分群打标
            </Button>
          ) : null}
          <Popconfirm
            title={`归档标签「${tag.name}」？`}
            description="归档后不再出现在会员详情和收银台，会员已有的标签值保留备查。"
            okText="归档"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => archive(tag)}
          >
            <Button className="tag-archive" size="small" danger loading={busyId === tag._id} disabled={busyId !== null}>
              归档
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Card title="特殊标签">
      {noticeHolder}
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text className="tags-total" type="secondary">
          {tags.loading || tags.error !== null ? '' : `共 ${tags.rows.length} 个标签`}
        </Typography.Text>
        {mayEdit ? (
          <Button
            className="tag-create-button"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'edit', tag: null })}
          >
            新建标签
          </Button>
        ) : null}
      </Flex>
      <ActionError className="tags-action-error" message={actionError} onClose={() => setActionError(null)} />
      <ListTable<TagDefinitionView>
        list={tags}
        classPrefix="tags"
        errorTitle="标签列表加载失败"
        emptyText={mayEdit ? '还没有标签，点「新建标签」添加（如 肤质、鞋码）' : '还没有标签'}
        rowKey="_id"
        columns={columns.filter((column) => column.key !== 'actions' || mayEdit)}
      />
      {dialog?.kind === 'edit' ? (
        <TagModal
          tag={dialog.tag}
          onClose={() => setDialog(null)}
          onSaved={(tag, created) => {
            setDialog(null);
            notice.success(created ? `已新建标签「${tag.name}」` : `已保存标签「${tag.name}」`);
            tags.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'import' ? <TagImportModal tag={dialog.tag} onClose={() => setDialog(null)} onImported={tags.reload} /> : null}
      {dialog?.kind === 'segment' ? <TagSegmentModal tag={dialog.tag} onClose={() => setDialog(null)} onApplied={tags.reload} /> : null}
    </Card>
  );
}
