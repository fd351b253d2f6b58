import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Flex, Space, Spin, Statistic, Table, Tabs, Tag, message } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { formatFen, formatPoints } from '~/core/money/format';
import type { Gender } from '~/types/documents';
import { MEMBER_RECORD_KINDS } from '~/types/functions/admin-members';
import type { AdjustmentResult, ApprovalView, CouponRow, MemberDetail, MemberRecordKind } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { formatDateTime, formatDay } from '../../format/format-time';
import { approvalColumns } from '../approvals/approval-columns';
import { useApprovalDecisions } from '../approvals/use-approval-decisions';
import { AdjustPointsModal } from './adjust-points-modal';
import { BirthdayModal } from './birthday-modal';
import { MemberProfilePanel } from './member-profile-panel';
import {
  RECORD_KIND_VIEWS,
  RecordsTable,
  checkInColumns,
  couponColumns,
  ledgerColumns,
  orderColumns,
  redemptionColumns,
  tierHistoryColumns,
  visitColumns,
} from './member-records';
import type { RecordColumns } from './member-records';
import { signedPoints } from './member-labels';
import { TierOverrideModal } from './tier-override-modal';
import { VoidCouponModal } from './void-coupon-modal';
import { MemberTagsSection } from './member-tags-section';

const GENDER_TEXT: Record<Gender, string> = { unknown: '未填写', male: '男', female: '女' };

type Dialog = { kind: 'adjust' } | { kind: 'tier' } | { kind: 'birthday' } | { kind: 'void'; coupon: CouponRow } | null;

/** Inputs of the member detail. */
export interface MemberDetailDrawerProps {
  memberId: string;
  onClose: () => void;
  /** After an action changed the member (the list behind shows points and tiers). */
  onChanged: () => void;
}

/**
 * The detail of one member, loaded on open and again after each action; a lost session goes to
 * the login screen. `version` counts the loads that arrived, so what is built from one detail
 * (the paged lists) starts again from the next.
 */
function useMemberDetail(memberId: string) {
  const { client, token, onSessionLost } = useAdminApi();
  const [loaded, setLoaded] = useState<{ detail: MemberDetail; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sessionLost = useRef(onSessionLost);
  useEffect(() => {
    sessionLost.current = onSessionLost;
  }, [onSessionLost]);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    void outcomeOf(() => client.call('getMemberDetail', { token, memberId }, { signal: controller.signal })).then((outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) setLoaded((current) => ({ detail: outcome.value, version: (current?.version ?? 0) + 1 }));
      else if (outcome.failure.sessionLost) sessionLost.current(outcome.failure.message);
      else setError(outcome.failure.message);
    });
    return () => controller.abort();
  }, [client, token, memberId, attempt]);

  const reload = useCallback(() => setAttempt((current) => current + 1), []);
  return { detail: loaded?.detail ?? null, version: loaded?.version ?? 0, error, reload };
}

function profileItems(member: MemberDetail['member']): DescriptionsProps['items'] {
  return [
    { key: 'no', label: '会员号', children: member.memberNo },
    { key: 'nickname', label: '昵称', children: member.nickname },
    { key: 'phone', label: '手机号', children: <span className="member-phone">{member.phone ?? '未填写'}</span> },
    { key: 'birthday', label: '生日', children: <span className="member-birthday">{member.birthday ?? '未填写'}</span> },
    { key: 'gender', label: '性别', children: GENDER_TEXT[member.gender] },
    { key: 'consent', label: '营销消息', children: member.marketingConsent ? '已同意' : '未同意' },
    { key: 'joined', label: '入会时间', children: formatDateTime(member.joinedAt) },
    { key: 'paid', label: '最近消费', children: member.lastPaidAt === null ? '—' : formatDateTime(member.lastPaidAt) },
    {
      key: 'status',
      label: '状态',
      children: member.status === 'deleted' ? <Tag>已注销</Tag> : <Tag color="green">正常</Tag>,
    },
  ];
}

function tierItems(tier: MemberDetail['tier']): DescriptionsProps['items'] {
  const override = tier.override;
  return [
    {
      key: 'tier',
      label: '当前等级',
      children: (
        <Tag className="member-tier" color="gold">
          {tier.name}
        </Tag>
      ),
    },
    { key: 'since', label: '等级起始', children: formatDay(tier.since) },
    { key: 'spend', label: '近一年消费', children: formatFen(tier.spendFen) },
    { key: 'next', label: '距下一级', children: tier.next ? `${tier.next.name}还差 ${formatFen(tier.toNextFen)}` : '已是最高等级' },
    { key: 'keep', label: '保级还需', children: tier.toKeepFen > 0 ? formatFen(tier.toKeepFen) : '已达标' },
    { key: 'review', label: '复核日期', children: formatDay(tier.reviewAt) },
    ...(tier.downgradeAt === null ? [] : [{ key: 'drop', label: '可能降级', children: formatDay(tier.downgradeAt) }]),
    ...(override
      ? [
          {
            key: 'override',
            label: '人工调整',
            span: 3,
            children: (
              <span className="member-tier-override">
                {override.kind === 'floor' ? '保底' : '固定'} {override.tierName}，至 {formatDay(override.until)}（{override.reason}，
                {override.by}）
              </span>
            ),
          },
        ]
      : []),
  ];
}

/** Buckets (by expiry month) and pending lots of the member's points. */
function PointsLots({ points }: { points: MemberDetail['points'] }) {
  return (
    <Flex gap="large" wrap>
      <Table
        className="member-buckets-table"
        size="small"
        style={{ flex: '1 1 320px' }}
        rowKey="id"
        pagination={false}
        title={() => '可用积分（按到期）'}
        locale={{ emptyText: '没有可用积分' }}
        dataSource={points.buckets}
        columns={[
          { title: '到期时间', dataIndex: 'expiresAt', key: 'expiresAt', render: (at: number) => formatDateTime(at) },
          { title: '积分', dataIndex: 'points', key: 'points', align: 'right', render: (value: number) => formatPoints(value) },
        ]}
      />
      <Table
        className="member-pending-lots-table"
        size="small"
        style={{ flex: '1 1 320px' }}
        rowKey="id"
        pagination={false}
        title={() => '待入账积分'}
        locale={{ emptyText: '没有待入账积分' }}
        dataSource={points.pendingLots}
        columns={[
          { title: '来源', dataIndex: 'entryId', key: 'entryId', ellipsis: true, render: (id: string | null) => id ?? '—' },
          {
            title: '到账时间',
            dataIndex: 'availableAt',
            key: 'availableAt',
            render: (at: number | null) => (at === null ? '收货后开始计算' : formatDateTime(at)),
          },
          { title: '积分', dataIndex: 'points', key: 'points', align: 'right', render: (value: number) => formatPoints(value) },
        ]}
      />
    </Flex>
  );
}

/** One list of the member in its table, the columns chosen for its kind. */
function KindTable<K extends MemberRecordKind>({ kind, detail, columns }: { kind: K; detail: MemberDetail; columns: RecordColumns }) {
  return <RecordsTable<K> memberId={detail.member.memberId} kind={kind} first={detail.records[kind]} columns={columns[kind]} />;
}

/**
 * The member's lists, a tab for each kind of record: 作废 on an unused coupon when `onVoidCoupon`
 * is given, 通过 / 驳回 on an approval the admin may decide, and the number still pending on its tab.
 */
function RecordTabs({
  detail,
  pendingCount,
  onVoidCoupon,
  decisions,
  activeKey,
  onTabChange,
}: {
  detail: MemberDetail;
  pendingCount: number;
  onVoidCoupon: ((coupon: CouponRow) => void) | null;
  decisions: ReturnType<typeof useApprovalDecisions>;
  activeKey: MemberRecordKind;
  onTabChange: (kind: MemberRecordKind) => void;
}) {
  const columns: RecordColumns = {
    ledger: ledgerColumns,
    orders: orderColumns,
    coupons: couponColumns(onVoidCoupon),
    redemptions: redemptionColumns,
    checkIns: checkInColumns,
    visits: visitColumns,
    tierHistory: tierHistoryColumns,
    approvals: approvalColumns({ busyId: decisions.busyId, onApprove: decisions.approve, onReject: decisions.reject, withMember: false }),
  };
  const above: Partial<Record<MemberRecordKind, ReactNode>> = {
    approvals: (
      <ActionError className="approval-action-error" message={decisions.actionError} onClose={() => decisions.setActionError(null)} />
    ),
  };
  const label = (kind: MemberRecordKind) =>
    kind === 'approvals' && pendingCount > 0 ? `${RECORD_KIND_VIEWS[kind].label}（${pendingCount}）` : RECORD_KIND_VIEWS[kind].label;

  return (
    <Tabs
      className="member-records-tabs"
      activeKey={activeKey}
      onChange={(key) => onTabChange(key as MemberRecordKind)}
      items={MEMBER_RECORD_KINDS.map((kind) => ({
        key: kind,
        label: label(kind),
        children: (
          <>
            {above[kind]}
            <KindTable kind={kind} detail={detail} columns={columns} />
          </>
        ),
      }))}
    />
  );
}

/**
 * A member's desk: profile, tier (with review dates and any override), points (buckets, pending
 * lots), and the ledger, orders, coupons, redemptions, check-ins, in-store visits, tier history
 * and approvals in tabs; with the actions the admin's role may take.
 */
export function MemberDetailDrawer({ memberId, onClose, onChanged }: MemberDetailDrawerProps) {
  const { detail, error, reload, version } = useMemberDetail(memberId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, noticeHolder] = message.useMessage();
  const [tab, setTab] = useState<MemberRecordKind>('ledger');
  const changed = () => {
    setDialog(null);
    reload();
    onChanged();
  };
  // Here rather than in the tabs, which start again with each load: a decision's outcome outlives the reload it causes.
  const decisions = useApprovalDecisions(changed);
  const pending = detail?.records.approvals.items.filter((approval: ApprovalView) => approval.status === 'pending') ?? [];

  return (
    <Drawer
      open
      className="member-detail-drawer"
      size={1040}
      title={detail ? `会员 · ${detail.member.nickname}` : '会员详情'}
      onClose={onClose}
      destroyOnHidden
      extra={
        detail && detail.member.status === 'active' ? (
          <Space wrap>
            {detail.can.adjustPoints ? (
              <Button className="adjust-points-button" type="primary" onClick={() => setDialog({ kind: 'adjust' })}>
                调整积分
              </Button>
            ) : null}
            {detail.can.setTierOverride ? (
              <Button className="tier-override-button" onClick={() => setDialog({ kind: 'tier' })}>
                调整等级
              </Button>
            ) : null}
            {detail.can.setMemberBirthday ? (
              <Button className="birthday-button" onClick={() => setDialog({ kind: 'birthday' })}>
                修改生日
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {noticeHolder}
      {decisions.holder}
      {error !== null ? (
        <Alert
          className="member-detail-error"
          type="error"
          showIcon
          title="会员详情加载失败"
          description={error}
          action={
            <Button icon={<ReloadOutlined />} onClick={reload}>
              重试
            </Button>
          }
        />
      ) : detail === null ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin size="large" />
        </Flex>
      ) : (
        <Flex vertical gap="middle" key={version}>
          {pending.length > 0 ? (
            <Alert
              className="member-pending-approvals"
              type="warning"
              showIcon
              title={`有 ${pending.length} 笔积分调整待审批：${pending.map((approval) => signedPoints(approval.points)).join('、')}`}
            />
          ) : null}
          <Card size="small" title="基本信息">
            <Descriptions className="member-profile" size="small" column={3} items={profileItems(detail.member)} />
          </Card>
          <Card size="small" title="等级">
            <Descriptions className="member-tier-info" size="small" column={3} items={tierItems(detail.tier)} />
          </Card>
          <MemberTagsSection memberId={detail.member.memberId} />
          <Card size="small" title="积分">
            <Flex gap="large" wrap style={{ marginBottom: 16 }}>
              <Statistic className="member-points-available" title="可用积分" value={formatPoints(detail.points.available)} />
              <Statistic className="member-points-pending" title="待入账" value={formatPoints(detail.points.pending)} />
              <Statistic title="累计获得" value={formatPoints(detail.points.lifetimeEarned)} />
              {detail.points.negative ? <Tag color="red">余额为负</Tag> : null}
            </Flex>
            <PointsLots points={detail.points} />
          </Card>
          <MemberProfilePanel memberId={memberId} />
          <RecordTabs
            detail={detail}
            pendingCount={pending.length}
            onVoidCoupon={detail.can.voidCoupon ? (coupon) => setDialog({ kind: 'void', coupon }) : null}
            decisions={decisions}
            activeKey={tab}
            onTabChange={setTab}
          />
        </Flex>
      )}
      {detail && dialog?.kind === 'adjust' ? (
        <AdjustPointsModal
          memberId={memberId}
          nickname={detail.member.nickname}
          available={detail.points.available}
          threshold={detail.approvalThreshold}
          onClose={() => setDialog(null)}
          onDone={(result: AdjustmentResult) => {
            if (result.status === 'posted') notice.success(`积分已调整，当前可用积分 ${formatPoints(result.available)}`);
            else notice.info(`调整 ${signedPoints(result.approval.points)} 积分已提交，待另一位管理员审批`);
            changed();
          }}
        />
      ) : null}
      {detail && dialog?.kind === 'tier' ? (
        <TierOverrideModal
          memberId={memberId}
          nickname={detail.member.nickname}
          tier={detail.tier}
          tiers={detail.tiers}
          onClose={() => setDialog(null)}
          onDone={(tier) => {
            notice.success(`等级已调整为${tier.name}`);
            changed();
          }}
        />
      ) : null}
      {detail && dialog?.kind === 'birthday' ? (
        <BirthdayModal
          memberId={memberId}
          nickname={detail.member.nickname}
          birthday={detail.member.birthday}
          onClose={() => setDialog(null)}
          onDone={(birthday) => {
            notice.success(`生日已改为 ${birthday}`);
            changed();
          }}
        />
      ) : null}
      {dialog?.kind === 'void' ? (
        <VoidCouponModal
          coupon={dialog.coupon}
          onClose={() => setDialog(null)}
          onDone={() => {
            notice.success(`优惠券「${dialog.coupon.title}」已作废`);
            changed();
          }}
        />
      ) : null}
    </Drawer>
  );
}
