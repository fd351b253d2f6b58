import { Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { audienceText, couponFace, validityText } from '~/core/coupons/coupon-text';
import { nextTemplateStatuses } from '~/core/coupons/template-status';
import type { CouponChannel, CouponTemplateStatus } from '~/types/coupons';
import type { CouponTemplateRow } from '~/types/functions/admin-coupons';
import { formatFen } from '~/core/money/format';
import { formatDateTime } from '../../format/format-time';
import { CHANNEL_TEXT, STATUS_ACTION_TEXT, TEMPLATE_STATUS } from './coupon-labels';

/** What the action buttons of the template table do, and which of them the role may use. */
export interface TemplateActions {
  /** The status change under way; every action waits until it is done. */
  changing: { templateId: string; status: CouponTemplateStatus } | null;
  mayChangeStatus: boolean;
  mayIssue: boolean;
  tierName: (tierId: string) => string;
  onSetStatus: (template: CouponTemplateRow, status: CouponTemplateStatus) => Promise<void>;
  onIssue: (template: CouponTemplateRow) => void;
  mayEdit: boolean;
  mayReadRecords: boolean;
  onEdit: (template: CouponTemplateRow) => void;
  onSend: (template: CouponTemplateRow) => void;
  onRecords: (template: CouponTemplateRow) => void;
}

/** The template's coupons by where they stand, and the discount they gave. */
function StatsCell({ template }: { template: CouponTemplateRow }) {
  const { stats } = template;
  const n = (value: number) => value.toLocaleString('zh-CN');
  return (
    <Flex vertical className="coupon-stats">
      <span>
        发放 {n(stats.issued)} · 领取 {n(stats.claimed)}
      </span>
      <span>
        使用 {n(stats.used)} · 过期 {n(stats.expired)}
        {stats.voided > 0 ? ` · 作废 ${n(stats.voided)}` : ''}
      </span>
      <Typography.Text type="secondary">优惠成本 {formatFen(stats.discountFen)}</Typography.Text>
    </Flex>
  );
}

/** Stock as remaining of total, or 不限量. */
function stockText(template: CouponTemplateRow): string {
  if (template.totalStock === null) return '不限量';
  return `${template.stockRemaining ?? 0} / ${template.totalStock}`;
}

/** Columns of the template table: coupon, face, validity, channel, stock, audience, status, created, and the status actions the machine allows. */
export function couponColumns({
  changing,
  mayChangeStatus,
  mayIssue,
  tierName,
  onSetStatus,
  onIssue,
  mayEdit,
  mayReadRecords,
  onEdit,
  onSend,
  onRecords,
}: TemplateActions): TableColumnsType<CouponTemplateRow> {
  const columns: TableColumnsType<CouponTemplateRow> = [
    {
      title: '优惠券',
      key: 'title',
      width: 200,
      render: (_, template) => (
        <Flex vertical>
          <Typography.Text strong>{template.title}</Typography.Text>
          <Typography.Text type="secondary" className="coupon-template-id">
            {template._id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '面额',
      key: 'face',
      width: 170,
      render: (_, template) => {
        const face = couponFace(template.terms);
        return (
          <Flex vertical className="coupon-face">
            <Typography.Text strong style={{ color: '#cf1322' }}>
              {face.headline}
            </Typography.Text>
            <Typography.Text type="secondary">{face.condition}</Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: '有效期',
      key: 'validity',
      width: 180,
      render: (_, template) => validityText(template.validity, template.channel),
    },
    {
      title: '渠道',
      dataIndex: 'channel',
      key: 'channel',
      width: 100,
      render: (channel: CouponChannel) => <Tag color={channel === 'centre' ? 'blue' : 'purple'}>{CHANNEL_TEXT[channel]}</Tag>,
    },
    {
      title: '库存（剩余 / 总量）',
      key: 'stock',
      width: 150,
      render: (_, template) => (
        <Flex vertical>
          <span className="coupon-stock">{stockText(template)}</span>
          {template.issued === null ? null : <Typography.Text type="secondary">已发放 {template.issued}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '数据',
      key: 'stats',
      width: 190,
      render: (_, template) => <StatsCell template={template} />,
    },
    {
      title: '适用会员',
      key: 'audience',
      width: 180,
      render: (_, template) => (
        <Flex vertical>
          <span>{audienceText(template.audience, tierName) ?? '全部会员'}</span>
          {template.channel === 'centre' ? <Typography.Text type="secondary">每人限领 {template.perMemberLimit} 张</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: CouponTemplateStatus) => <Tag color={TEMPLATE_STATUS[status].color}>{TEMPLATE_STATUS[status].text}</Tag>,
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: (at: number) => formatDateTime(at),
    },
  ];
  if (!mayChangeStatus && !mayIssue && !mayEdit && !mayReadRecords) return columns;
  columns.push({
    title: '操作',
    key: 'actions',
    width: 260,
    fixed: 'end',
    render: (_, template) => {
      const busy = changing !== null;
      const loading = (status: CouponTemplateStatus) => changing?.templateId === template._id && changing.status === status;
      const statuses = mayChangeStatus ? nextTemplateStatuses(template.status) : [];
      return (
        <Space size={4} wrap>
          {mayIssue && template.status === 'active' ? (
            <Button className="coupon-issue-button" type="link" size="small" disabled={busy} onClick={() => onIssue(template)}>
              发券
            </Button>
          ) : null}
          {mayIssue && template.status === 'active' ? (
            <Button className="coupon-send-button" type="link" size="small" disabled={busy} onClick={() => onSend(template)}>
              批量发券
            </Button>
          ) : null}
          {mayEdit && template.status !== 'ended' ? (
            <Button className="coupon-edit-button" type="link" size="small" disabled={busy} onClick={() => onEdit(template)}>
              编辑
            </Button>
          ) : null}
          {mayReadRecords ? (
            <Button className="coupon-records-button" type="link" size="small" onClick={() => onRecords(template)}>
              记录
            </Button>
          ) : null}
          {statuses.map((status) =>
            status === 'ended' ? (
              <Popconfirm
                key={status}
                title={`结束优惠券「${template.title}」？`}
                description="结束后不能再领取或发放，且不能恢复；已发出的券在有效期内仍可使用"
                okText="确认结束"
                okButtonProps={{ danger: true }}
                cancelText="再想想"
                onConfirm={() => onSetStatus(template, status)}
              >
                <Button className="coupon-status-ended" type="link" danger size="small" loading={loading(status)} disabled={busy}>
                  {STATUS_ACTION_TEXT[status]}
                </Button>
              </Popconfirm>
            ) : (
              <Button
                key={status}
                className={`coupon-status-${status}`}
                type="link"
                size="small"
                loading={loading(status)}
                disabled={busy}
                onClick={() => void onSetStatus(template, status)}
              >
                {STATUS_ACTION_TEXT[status]}
              </Button>
            ),
          )}
        </Space>
      );
    },
  });
  return columns;
}
