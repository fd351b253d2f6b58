import { Button, Drawer, Flex, Popconfirm, Segmented, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { formatFen } from '~/core/money/format';
import { COUPON_STATE_TEXT, couponStateAt } from '~/core/coupons/status-machine';
import type { CouponSource } from '~/types/coupons';
import type { CouponRecordRow, CouponTemplateRow } from '~/types/functions/admin-coupons';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { ActionError } from '../../components/action-error';
import { CursorTable } from '../../components/cursor-table';
import { formatDateTime } from '../../format/format-time';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { useMay } from '../../hooks/use-may';

type RecordKind = 'claims' | 'uses';

const SOURCE_TEXT: Record<CouponSource, string> = {
  centre: '领券中心领取',
  welcome: '新人礼',
  birthday: '生日礼',
  comeback: '回归礼',
  campaign: '活动发放',
  reward: '积分兑换',
};

/** Inputs of the records drawer. */
export interface CouponRecordsDrawerProps {
  template: CouponTemplateRow;
  onClose: () => void;
  /** Called after a coupon is voided, so the list's counts follow. */
  onChanged: () => void;
}

/** 领取与使用记录 of one template: every coupon issued (newest first) or used (latest use first), paged, with the total; 作废 of an unused coupon as the role may. */
export function CouponRecordsDrawer({ template, onClose, onChanged }: CouponRecordsDrawerProps) {
  const { client, token } = useAdminApi();
  const mayVoid = useMay('voidCoupon');
  const [total, setTotal] = useState<number | null>(null);
  const voiding = useAdminAction();
  const [voidingId, setVoidingId] = useState<string | null>(null);

  const load = useCallback<LoadCursorPage<CouponRecordRow, RecordKind>>(
    async (kind, cursor, signal) => {
      const page = await client.call(
        'listCouponRecords',
        { token, templateId: template._id, kind, pageSize: 20, ...(cursor ? { cursor } : {}) },
        { signal },
      );
      setTotal(page.total);
      return page;
    },
    [client, token, template._id],
  );
  const pages = useCursorPages(load, 'claims');

  const voidCoupon = async (row: CouponRecordRow) => {
    setVoidingId(row.instanceId);
    const outcome = await voiding.run(() => client.call('voidCoupon', { token, instanceId: row.instanceId, reason: '后台作废' }));
    setVoidingId(null);
    voiding.setBusy(false);
    if (outcome.ok) {
      pages.reload();
      onChanged();
    }
  };

  const now = Date.now();
  const columns: TableColumnsType<CouponRecordRow> = [
    {
      title: '会员号',
      key: 'memberNo',
      width: 120,
      render: (_, row) => row.memberNo ?? <Typography.Text type="secondary">已注销</Typography.Text>,
    },
    { title: '来源', dataIndex: 'source', key: 'source', width: 110, render: (source: CouponSource) => SOURCE_TEXT[source] },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, row) => {
        const state = couponStateAt({ status: row.status, validFrom: 0, validTo: row.validTo }, now);
        return <Tag color={state === 'used' ? 'green' : state === 'usable' ? 'blue' : 'default'}>{COUPON_STATE_TEXT[state]}</Tag>;
      },
    },
    {
      title: pages.filter === 'uses' ? '领取时间' : '发放时间',
      dataIndex: 'issuedAt',
      key: 'issuedAt',
      width: 150,
      render: (at: number) => formatDateTime(at),
    },
    {
      title: '使用时间',
      dataIndex: 'usedAt',
      key: 'usedAt',
      width: 150,
      render: (at: number | null) => (at === null ? '' : formatDateTime(at)),
    },
    { title: '订单', dataIndex: 'usedBy', key: 'usedBy', ellipsis: true, render: (orderId: string | null) => orderId ?? '' },
    {
      title: '优惠金额',
      dataIndex: 'discountFen',
      key: 'discountFen',
      width: 100,
      align: 'right',
      render: (fen: number | null) => (fen === null ? '' : formatFen(fen)),
    },
  ];
  if (mayVoid) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, row) =>
        row.status === 'issued' && row.validTo >= now ? (
          <Popconfirm
            title="作废这张券？"
            description="会员将不能再使用它"
            okText="作废"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => voidCoupon(row)}
          >
            <Button
              className="coupon-record-void"
              type="link"
              danger
              size="small"
              loading={voidingId === row.instanceId}
              disabled={voidingId !== null}
            >
              作废
            </Button>
          </Popconfirm>
        ) : null,
    });
  }

  return (
    <Drawer open className="coupon-records-drawer" title={`领取与使用记录：${template.title}`} size="large" width={980} onClose={onClose}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Segmented<RecordKind>
          className="coupon-records-kind"
          value={pages.filter}
          onChange={(kind) => {
            setTotal(null);
            pages.applyFilter(kind);
          }}
          options={[
            { value: 'claims', label: '领取/发放记录' },
            { value: 'uses', label: '使用记录' },
          ]}
        />
        <Typography.Text className="coupon-records-total" type="secondary">
          {total === null ? '' : `共 ${total.toLocaleString('zh-CN')} 条`}
        </Typography.Text>
      </Flex>
      <ActionError className="coupon-record-error" message={voiding.error} onClose={() => voiding.setError(null)} />
      <CursorTable<CouponRecordRow>
        pages={pages}
        classPrefix="coupon-records"
        errorTitle="记录加载失败"
        emptyText={pages.filter === 'claims' ? '还没有人领取或收到这张券' : '还没有人使用这张券'}
        rowKey="instanceId"
        columns={columns}
        scrollX={900}
      />
    </Drawer>
  );
}
