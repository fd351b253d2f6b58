import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Select, Space, message } from 'antd';
import { useCallback, useState } from 'react';
import type { CouponChannel, CouponTemplateStatus } from '~/types/coupons';
import type { CouponTemplateRow, TierOption } from '~/types/functions/admin-coupons';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { ActionError } from '../../components/action-error';
import { CursorTable } from '../../components/cursor-table';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import type { LoadCursorPage } from '../../hooks/use-cursor-pages';
import { useMay } from '../../hooks/use-may';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { couponColumns } from './coupon-columns';
import { CHANNEL_TEXT, STATUS_ACTION_TEXT, TEMPLATE_STATUS, tierChoices, tierNamer } from './coupon-labels';
import { CreateTemplateModal } from './create-template-modal';
import { IssueCampaignModal } from './issue-campaign-modal';
import { CouponRecordsDrawer } from './coupon-records-drawer';
import { EditTemplateModal } from './edit-template-modal';
import { SendCouponsModal } from './send-coupons-modal';

/** Rows per page; the server accepts 1–100. */
export const COUPONS_PAGE_SIZE = 20;

type StatusFilter = CouponTemplateStatus | 'all';
type ChannelFilter = CouponChannel | 'all';

interface TemplateFilter {
  status: StatusFilter;
  channel: ChannelFilter;
}

const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'active', 'paused', 'ended'];
const statusOptions = STATUS_FILTERS.map((value) => ({ value, label: value === 'all' ? '全部' : TEMPLATE_STATUS[value].text }));
const channelOptions = [
  { value: 'all', label: '全部渠道' },
  { value: 'centre', label: CHANNEL_TEXT.centre },
  { value: 'system', label: CHANNEL_TEXT.system },
];

/** Coupon templates, newest first: their faces, validity, stock, counts and cost, and audience; 新建优惠券, 发放活动券, 批量发券 (member numbers or a tier), 编辑, 记录 and 暂停/恢复/结束 as the role may. */
export function CouponsPage() {
  const { client, token, onSessionLost } = useAdminApi();
  const mayCreate = useMay('createCouponTemplate');
  const mayChangeStatus = useMay('setCouponTemplateStatus');
  const mayIssue = useMay('issueCampaignCoupons');
  const mayEdit = useMay('updateCouponTemplate');
  const mayReadRecords = useMay('listCouponRecords');
  const [editing, setEditing] = useState<CouponTemplateRow | null>(null);
  const [sending, setSending] = useState<CouponTemplateRow | null>(null);
  const [records, setRecords] = useState<CouponTemplateRow | null>(null);
  const [creating, setCreating] = useState(false);
  const [issuing, setIssuing] = useState<{ templateId?: string } | null>(null);
  const [changing, setChanging] = useState<{ templateId: string; status: CouponTemplateStatus } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();

  const loadTiers = useCallback<LoadWholeList<TierOption, null>>(
    (_filter, signal) => client.call('listTiers', { token }, { signal }),
    [client, token],
  );
  // Labels fall back to the default programme's tier names if the stored ones cannot be read.
  const tiers = tierChoices(useWholeList(loadTiers, null).rows);
  const tierName = tierNamer(tiers);

  const load = useCallback<LoadCursorPage<CouponTemplateRow, TemplateFilter>>(
    ({ status, channel }, cursor, signal) =>
      client.call(
        'listCouponTemplates',
        {
          token,
          pageSize: COUPONS_PAGE_SIZE,
          ...(status === 'all' ? {} : { status }),
          ...(channel === 'all' ? {} : { channel }),
          ...(cursor ? { cursor } : {}),
        },
        { signal },
      ),
    [client, token],
  );
  const pages = useCursorPages(load, { status: 'all', channel: 'all' });
  const { reload } = pages;

  const setStatus = async (template: CouponTemplateRow, status: CouponTemplateStatus) => {
    setChanging({ templateId: template._id, status });
    setActionError(null);
    const outcome = await outcomeOf(
      () => client.call('setCouponTemplateStatus', { token, templateId: template._id, status }),
      describeActionError,
    );
    if (outcome.ok) {
      notice.success(`已${STATUS_ACTION_TEXT[status]}优惠券「${outcome.value.title}」`);
    } else if (outcome.failure.sessionLost) {
      onSessionLost(outcome.failure.message);
      return;
    } else {
      setActionError(`${STATUS_ACTION_TEXT[status]}优惠券「${template.title}」未成功：${outcome.failure.message}`);
    }
    setChanging(null);
    reload();
  };

  const filter = pages.filter;
  const filtered = filter.status !== 'all' || filter.channel !== 'all';

  return (
    <>
      {noticeHolder}
      <Card
        title="优惠券"
        extra={
          <Space wrap>
            {mayIssue ? (
              <Button className="coupon-campaign-button" icon={<SendOutlined />} onClick={() => setIssuing({})}>
                发放活动券
              </Button>
            ) : null}
            {mayCreate ? (
              <Button className="coupon-create-button" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建优惠券
              </Button>
            ) : null}
          </Space>
        }
      >
        <Flex gap={16} wrap style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            className="coupons-status-filter"
            options={statusOptions}
            value={filter.status}
            onChange={(status) => {
              setActionError(null);
              pages.applyFilter({ ...filter, status });
            }}
          />
          <Select<ChannelFilter>
            className="coupons-channel-filter"
            aria-label="渠道"
            value={filter.channel}
            options={channelOptions}
            onChange={(channel) => {
              setActionError(null);
              pages.applyFilter({ ...filter, channel });
            }}
            style={{ width: 140 }}
          />
        </Flex>
        <ActionError className="coupon-action-error" message={actionError} onClose={() => setActionError(null)} />
        <CursorTable<CouponTemplateRow>
          pages={pages}
          classPrefix="coupon-templates"
          errorTitle="优惠券列表加载失败"
          emptyText={filtered ? '没有符合条件的优惠券' : '还没有优惠券'}
          rowKey="_id"
          columns={couponColumns({
            changing,
            mayChangeStatus,
            mayIssue,
            tierName,
            onSetStatus: setStatus,
            onIssue: (template) => setIssuing({ templateId: template._id }),
            mayEdit,
            mayReadRecords,
            onEdit: setEditing,
            onSend: setSending,
            onRecords: setRecords,
          })}
          scrollX={1400}
        />
      </Card>
      {creating ? (
        <CreateTemplateModal
          tiers={tiers}
          onClose={() => setCreating(false)}
          onCreated={(template) => {
            setCreating(false);
            notice.success(`已创建优惠券「${template.title}」`);
            reload();
          }}
        />
      ) : null}
      {editing ? (
        <EditTemplateModal
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={(template) => {
            setEditing(null);
            notice.success(`已保存优惠券「${template.title}」`);
            reload();
          }}
        />
      ) : null}
      {sending ? <SendCouponsModal template={sending} tiers={tiers} onClose={() => setSending(null)} onSent={reload} /> : null}
      {records ? <CouponRecordsDrawer template={records} onClose={() => setRecords(null)} onChanged={reload} /> : null}
      {issuing ? (
        <IssueCampaignModal initialTemplateId={issuing.templateId} tierName={tierName} onClose={() => setIssuing(null)} onIssued={reload} />
      ) : null}
    </>
  );
}
