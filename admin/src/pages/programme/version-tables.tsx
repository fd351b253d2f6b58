import { Button, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ProgrammeVersionView } from '~/types/functions/admin-programme';
import type { EpochMs } from '~/types/units';
import { formatDateTime } from '../../format/format-time';

/** Where a version stands now. */
export function versionState(version: ProgrammeVersionView, currentVersion: number, now: EpochMs): { text: string; color: string } {
  if (version.status === 'cancelled') return { text: '已取消', color: 'default' };
  if (version.effectiveAt > now) return { text: '待生效', color: 'blue' };
  if (version.version === currentVersion) return { text: '当前生效', color: 'green' };
  return { text: '已被替代', color: 'default' };
}

const author = (name: string) => (name === 'system' ? '系统' : name);

const noteOf = (version: ProgrammeVersionView) =>
  [
    version.restoredFrom ? `恢复自第${version.restoredFrom}版` : '',
    version.restoredFrom && version.note === `恢复第${version.restoredFrom}版` ? '' : version.note,
  ]
    .filter(Boolean)
    .join(' · ') || '—';

function columns(currentVersion: number, now: EpochMs, action: TableColumnsType<ProgrammeVersionView>[number] | null) {
  const base: TableColumnsType<ProgrammeVersionView> = [
    { title: '版本', dataIndex: 'version', key: 'version', width: 90, render: (n: number) => `第${n}版` },
    {
      title: '状态',
      key: 'state',
      width: 100,
      render: (_, version) => {
        const state = versionState(version, currentVersion, now);
        return <Tag color={state.color}>{state.text}</Tag>;
      },
    },
    {
      title: '生效时间',
      dataIndex: 'effectiveAt',
      key: 'effectiveAt',
      width: 150,
      render: (at: number) => (at === 0 ? '最初' : formatDateTime(at)),
    },
    { title: '发布人', dataIndex: 'author', key: 'author', width: 110, render: author },
    { title: '发布时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: formatDateTime },
    { title: '说明', key: 'note', render: (_, version) => noteOf(version) },
  ];
  return action ? [...base, action] : base;
}

/** Versions that take effect later, each with a cancel button for those who may cancel. */
export function ScheduledTable(props: {
  versions: ProgrammeVersionView[];
  currentVersion: number;
  now: EpochMs;
  onCancel: ((version: number) => Promise<void>) | null;
}) {
  const { versions, currentVersion, now, onCancel } = props;
  const action = onCancel && {
    title: '操作',
    key: 'action',
    width: 90,
    render: (_: unknown, version: ProgrammeVersionView) =>
      // Only the last one: each later version was edited from the one before it.
      version.version !== versions[versions.length - 1]?.version ? null : (
        <Popconfirm
          title={`取消第${version.version}版？`}
          description="取消后该版本不会生效，并保留在历史中"
          okText="取消该版本"
          cancelText="保留"
          onConfirm={() => onCancel(version.version)}
        >
          <Button className="programme-cancel-version" size="small" danger>
            取消版本
          </Button>
        </Popconfirm>
      ),
  };
  return (
    <Table<ProgrammeVersionView>
      className="programme-scheduled"
      rowKey="version"
      size="small"
      columns={columns(currentVersion, now, action)}
      dataSource={versions}
      pagination={false}
      locale={{ emptyText: '没有待生效的版本' }}
    />
  );
}

/** Every version, newest first, each with a restore button for those who may restore. */
export function HistoryTable(props: {
  versions: ProgrammeVersionView[];
  currentVersion: number;
  now: EpochMs;
  onRestore: ((version: ProgrammeVersionView) => void) | null;
}) {
  const { versions, currentVersion, now, onRestore } = props;
  const action = onRestore && {
    title: '操作',
    key: 'action',
    width: 90,
    render: (_: unknown, version: ProgrammeVersionView) =>
      version.version === currentVersion && version.effectiveAt <= now ? null : (
        <Button className="programme-restore-version" size="small" onClick={() => onRestore(version)}>
          恢复此版本
        </Button>
      ),
  };
  return (
    <Table<ProgrammeVersionView>
      className="programme-history"
      rowKey="version"
      size="small"
      columns={columns(currentVersion, now, action)}
      dataSource={versions}
      pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (total) => `共 ${total} 个版本`, hideOnSinglePage: false }}
      locale={{ emptyText: '还没有发布过版本：修改规则并发布后，当前规则会作为第1版保存在这里' }}
    />
  );
}
