import { Alert, Card, Collapse, Descriptions, Empty, Flex, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { adminMay } from '~/core/access/admin-permissions';
import { formatFen } from '~/core/money/format';
import type { MemberProfileView } from '~/types/functions/marketing-profiles';
import type { MemberProfileDoc } from '~/types/marketing';
import { useAdminApi } from '../../api/admin-api-context';
import { outcomeOf } from '../../api/outcome';
import { STAGE_COLOR, STAGE_TEXT } from '../../format/stage-text';
import { formatDateTime, formatDay } from '../../format/format-time';

const MemberValueChart = lazy(() => import('./member-value-chart'));

const GENDER_TEXT: Record<MemberProfileDoc['gender'], string> = { male: '男', female: '女', unknown: '未知' };
const AGE_TEXT: Record<string, string> = { under18: '18岁以下', '50plus': '50岁及以上' };

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '—');

function basicItems(profile: MemberProfileDoc, view: MemberProfileView): DescriptionsProps['items'] {
  return [
    { key: 'gender', label: '性别', children: GENDER_TEXT[profile.gender] ?? '未知' },
    { key: 'age', label: '年龄段', children: profile.ageBand ? (AGE_TEXT[profile.ageBand] ?? `${profile.ageBand}岁`) : '—' },
    { key: 'place', label: '地区', children: [profile.province, profile.city].filter(Boolean).join(' ') || '—' },
    { key: 'birthday', label: '生日月', children: profile.birthdayMonth ? `${profile.birthdayMonth}月` : '—' },
    { key: 'tier', label: '等级', children: profile.tierId },
    { key: 'joined', label: '入会', children: formatDay(profile.joinedAt) },
    { key: 'store', label: '常去门店', children: profile.homeStoreId ?? '—' },
    {
      key: 'categories',
      label: '偏好品类',
      children: view.preferredCategories.length
        ? view.preferredCategories.map((category) => <Tag key={category.id}>{category.name}</Tag>)
        : '—',
    },
    {
      key: 'consent',
      label: '授权',
      children: `营销消息${profile.marketing ? '已同意' : '未同意'} · 个性化${profile.personalised ? '开启' : '关闭'}`,
    },
  ];
}

function consumptionItems(profile: MemberProfileDoc): DescriptionsProps['items'] {
  return [
    { key: 'purchases', label: '消费次数', children: profile.purchases },
    { key: 'spend', label: '消费金额', children: formatFen(profile.spendFen) },
    { key: 'average', label: '客单价', children: formatFen(profile.averageOrderFen) },
    { key: 'last', label: '最近消费', children: profile.lastPurchaseAt === null ? '—' : formatDateTime(profile.lastPurchaseAt) },
    { key: 'spend30', label: '近30天', children: formatFen(profile.spend30Fen) },
    { key: 'spend90', label: '近90天', children: formatFen(profile.spend90Fen) },
    { key: 'spend365', label: '近一年', children: formatFen(profile.spend365Fen) },
    {
      key: 'channels',
      label: '渠道占比',
      children: `线上 ${percent(profile.onlineFen, profile.spendFen)} · 门店 ${percent(profile.storeFen, profile.spendFen)}`,
    },
  ];
}

function interactionItems(profile: MemberProfileDoc): DescriptionsProps['items'] {
  return [
    { key: 'streak', label: '连续签到', children: `${profile.checkInStreak} 天` },
    { key: 'checkins', label: '近30天签到', children: `${profile.checkIns30} 次` },
    { key: 'coupons', label: '用券率', children: `${profile.couponUseRate}%` },
    { key: 'redemptions', label: '积分兑换', children: `${profile.redemptions} 次` },
    { key: 'shares', label: '分享被打开', children: `${profile.shares} 次` },
  ];
}

/** The RFM scores with the share of buyers at each score, the member's own marked. */
function RfmTable({ view, profile }: { view: MemberProfileView; profile: MemberProfileDoc }): ReactElement {
  const rows = (['r', 'f', 'm'] as const).map((dimension) => ({
    key: dimension,
    name: { r: '最近消费 R', f: '消费频次 F', m: '消费金额 M' }[dimension],
    score: profile.rfm[dimension],
    shares: view.rfmShares[dimension],
  }));
  return (
    <Table
      className="member-rfm-table"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '维度', dataIndex: 'name', key: 'name' },
        {
          title: '得分',
          dataIndex: 'score',
          key: 'score',
          render: (score: number) => (score ? <Tag color="blue">{score}</Tag> : '无消费'),
        },
        ...[0, 1, 2, 3, 4].map((i) => ({
          title: `${i + 1}分占比`,
          key: `share${i + 1}`,
          render: (_: unknown, row: (typeof rows)[number]) =>
            row.score === i + 1 ? <Typography.Text strong>{`${row.shares[i]}%`}</Typography.Text> : `${row.shares[i]}%`,
        })),
      ]}
    />
  );
}

/** The profile's content once loaded. */
function ProfileView({ view }: { view: MemberProfileView }): ReactElement {
  const { profile } = view;
  if (!profile) return <Empty className="member-profile-empty" description="画像尚未生成，每日刷新后可见" />;
  return (
    <Flex vertical gap="middle" className="member-profile-view">
      <Flex gap="large" wrap align="center">
        <Statistic title="生命周期" valueRender={() => <Tag color={STAGE_COLOR[profile.stage]}>{STAGE_TEXT[profile.stage]}</Tag>} />
        <Statistic title="阶段开始" value={formatDay(profile.stageSince)} />
        <Statistic title="RFM" value={profile.rfmCode ? String(profile.rfmCode) : '—'} />
        <Statistic title="活跃会员" value={view.activeMembers} />
        <Typography.Text type="secondary">{`刷新于 ${formatDateTime(profile.refreshedAt)}`}</Typography.Text>
      </Flex>
      <Descriptions className="member-profile-basic" size="small" column={3} title="基础标签" items={basicItems(profile, view)} />
      <Descriptions
        className="member-profile-consumption"
        size="small"
        column={4}
        title="消费（近一年）"
        items={consumptionItems(profile)}
      />
      <RfmTable view={view} profile={profile} />
      <Card size="small" title="近12个月消费（元）" className="member-value-chart">
        <Suspense fallback={<Spin />}>
          <MemberValueChart months={view.valueByMonth} />
        </Suspense>
      </Card>
      <Descriptions className="member-profile-interaction" size="small" column={5} title="互动" items={interactionItems(profile)} />
      <div className="member-stage-history">
        <Typography.Text strong>阶段变化：</Typography.Text>
        {profile.stageHistory.map((change) => (
          <Tag key={`${change.stage}-${change.at}`} color={STAGE_COLOR[change.stage]}>
            {`${formatDay(change.at)} ${STAGE_TEXT[change.stage]}`}
          </Tag>
        ))}
      </div>
    </Flex>
  );
}

/** Loads the profile when opened. */
function ProfileLoader({ memberId }: { memberId: string }): ReactElement {
  const { client, token, onSessionLost } = useAdminApi();
  const [view, setView] = useState<MemberProfileView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void outcomeOf(() => client.call('getMemberProfile', { token, memberId }, { signal: controller.signal })).then((outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) setView(outcome.value);
      else if (outcome.failure.sessionLost) onSessionLost(outcome.failure.message);
      else setError(outcome.failure.message);
    });
    return () => controller.abort();
  }, [client, token, memberId, onSessionLost]);
  if (error !== null) return <Alert className="member-profile-error" type="error" showIcon title="画像加载失败" description={error} />;
  if (view === null) return <Spin />;
  return <ProfileView view={view} />;
}

/** The member's 画像 (tags, RFM, lifecycle, value over time), folded until opened, for roles that may read it. */
export function MemberProfilePanel({ memberId }: { memberId: string }): ReactElement | null {
  const { admin } = useAdminApi();
  if (!adminMay(admin.role, 'getMemberProfile')) return null;
  return (
    <Collapse
      className="member-profile-panel"
      size="small"
      destroyOnHidden
      items={[{ key: 'profile', label: '会员画像', children: <ProfileLoader memberId={memberId} /> }]}
    />
  );
}
