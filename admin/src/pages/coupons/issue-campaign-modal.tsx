import { Alert, Button, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { audienceText, couponFace, validityText } from '~/core/coupons/coupon-text';
import type { CampaignMemberResult, CampaignOutcome, CouponTemplateRow } from '~/types/functions/admin-coupons';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { useWholeList } from '../../hooks/use-whole-list';
import type { LoadWholeList } from '../../hooks/use-whole-list';
import { CAMPAIGN_FAILURE_TEXT, MAX_CAMPAIGN_MEMBERS, parseMemberIds } from './campaign-members';
import { CHANNEL_TEXT } from './coupon-labels';

interface CampaignValues {
  templateId: string | undefined;
  campaignId: string;
  memberText: string;
}

/** Inputs of the campaign dialog. */
export interface IssueCampaignModalProps {
  /** The template chosen at first, e.g. the row whose 发券 was pressed. */
  initialTemplateId?: string;
  tierName: (tierId: string) => string;
  onClose: () => void;
  /** Called after a send that issued coupons, so the list can show the stock it took. */
  onIssued: () => void;
}

const CAMPAIGN_ID = /^[a-z][a-z0-9-]{0,31}$/;
/** Pages of active templates read for the choice; a brand runs far fewer at once. */
const TEMPLATE_PAGES = 5;

const check = (problem: string | null) => (problem === null ? Promise.resolve() : Promise.reject(new Error(problem)));

const RESULT_TAG: Record<CampaignMemberResult['outcome'], { text: string; color: string }> = {
  issued: { text: '已发放', color: 'green' },
  alreadyHad: { text: '此前已发放', color: 'default' },
  failed: { text: '未发放', color: 'red' },
};

function templateLabel(template: CouponTemplateRow): string {
  const face = couponFace(template.terms);
  return `${template.title}（${face.headline} ${face.condition}）`;
}

/** What one send did: the counts, then each member's result in the order sent. */
function CampaignResult({ campaignId, template, outcome }: { campaignId: string; template: CouponTemplateRow; outcome: CampaignOutcome }) {
  return (
    <Flex vertical gap={12} className="campaign-result">
      <Typography.Text type="secondary">
        活动 {campaignId} · {template.title}
      </Typography.Text>
      <Flex gap={24} wrap>
        <Typography.Text className="campaign-issued">
          已发放 <Typography.Text strong>{outcome.issued}</Typography.Text> 位
        </Typography.Text>
        <Typography.Text className="campaign-already-had">
          此前已发放 <Typography.Text strong>{outcome.alreadyHad}</Typography.Text> 位
        </Typography.Text>
        <Typography.Text className="campaign-failed" type={outcome.failed.length > 0 ? 'danger' : undefined}>
          未发放 <Typography.Text strong>{outcome.failed.length}</Typography.Text> 位
        </Typography.Text>
      </Flex>
      <Table<CampaignMemberResult>
        className="campaign-results-table"
        rowKey="memberId"
        size="small"
        pagination={false}
        scroll={{ y: 280 }}
        dataSource={outcome.results}
        columns={[
          { title: '会员 ID', dataIndex: 'memberId', key: 'memberId' },
          {
            title: '结果',
            dataIndex: 'outcome',
            key: 'outcome',
            width: 110,
            render: (result: CampaignMemberResult['outcome']) => <Tag color={RESULT_TAG[result].color}>{RESULT_TAG[result].text}</Tag>,
          },
          {
            title: '说明',
            key: 'reason',
            render: (_, result) => (result.code === null ? '' : (CAMPAIGN_FAILURE_TEXT[result.code] ?? `发放失败（${result.code}）`)),
          },
        ]}
      />
    </Flex>
  );
}

/** 发放活动券: one active template to up to 100 members pasted one per line, once per member per campaign id, with each member's result. */
export function IssueCampaignModal({ initialTemplateId, tierName, onClose, onIssued }: IssueCampaignModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<CampaignValues>();
  const { busy, setBusy, error, run } = useAdminAction();
  const [sent, setSent] = useState<{ campaignId: string; template: CouponTemplateRow; outcome: CampaignOutcome } | null>(null);

  const loadActive = useCallback<LoadWholeList<CouponTemplateRow, null>>(
    async (_filter, signal) => {
      const items: CouponTemplateRow[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < TEMPLATE_PAGES; page += 1) {
        const answer = await client.call(
          'listCouponTemplates',
          { token, status: 'active', pageSize: 100, ...(cursor ? { cursor } : {}) },
          { signal },
        );
        items.push(...answer.items);
        if (answer.nextCursor === null) break;
        cursor = answer.nextCursor;
      }
      return { items };
    },
    [client, token],
  );
  const templates = useWholeList(loadActive, null);
  const templateId = Form.useWatch('templateId', form);
  const memberText = Form.useWatch('memberText', form) ?? '';
  const chosen = templates.rows.find((template) => template._id === templateId);
  const pasted = parseMemberIds(memberText);

  const groups = (['system', 'centre'] as const)
    .map((channel) => ({
      label: CHANNEL_TEXT[channel],
      options: templates.rows
        .filter((template) => template.channel === channel)
        .map((template) => ({ value: template._id, label: templateLabel(template) })),
    }))
    .filter((group) => group.options.length > 0);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    if (!chosen) {
      form.setFields([{ name: 'templateId', errors: ['该优惠券已不是进行中，请重新选择'] }]);
      return;
    }
    const campaignId = values.campaignId.trim();
    const { ids } = parseMemberIds(values.memberText);
    const outcome = await run(() => client.call('issueCampaignCoupons', { token, templateId: chosen._id, campaignId, memberIds: ids }));
    if (!outcome.ok) return;
    setSent({ campaignId, template: chosen, outcome: outcome.value });
    setBusy(false);
    if (outcome.value.issued > 0) onIssued();
  };

  const another = () => {
    form.setFieldsValue({ memberText: '' });
    setSent(null);
  };

  return (
    <Modal
      open
      className="issue-campaign-modal"
      title="发放活动券"
      okText="确认发放"
      cancelText="取消"
      width={640}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        sent
          ? [
              <Button key="another" className="campaign-another" onClick={another}>
                再发一批
              </Button>,
              <Button key="done" className="campaign-done" type="primary" onClick={onClose}>
                完成
              </Button>,
            ]
          : undefined
      }
    >
      {sent ? <CampaignResult {...sent} /> : null}
      <Form<CampaignValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ templateId: initialTemplateId, campaignId: '', memberText: '' }}
        style={sent ? { display: 'none' } : undefined}
      >
        <Form.Item
          name="templateId"
          label="优惠券"
          extra={
            chosen
              ? `${validityText(chosen.validity, 'system')} · ${chosen.totalStock === null ? '不限量' : `剩余 ${chosen.stockRemaining ?? 0} 张`} · ${audienceText(chosen.audience, tierName) ?? '全部会员'}`
              : '只能发放进行中的优惠券'
          }
          rules={[{ required: true, message: '请选择要发放的优惠券' }]}
        >
          <Select
            className="campaign-template"
            placeholder="选择进行中的优惠券"
            loading={templates.loading}
            options={groups}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={templates.error ?? '没有进行中的优惠券'}
          />
        </Form.Item>
        <Form.Item
          name="campaignId"
          label="活动编号"
          extra="同一活动编号重复发放时，已发过的会员不会再收到"
          rules={[
            { required: true, whitespace: true, message: '请填写活动编号' },
            {
              validator: (_, value: string | undefined) =>
                check(!value?.trim() || CAMPAIGN_ID.test(value.trim()) ? null : '活动编号为小写字母开头的字母、数字或短横线，最多 32 位'),
            },
          ]}
        >
          <Input className="campaign-id" placeholder="例如：double11-2026" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="memberText"
          label={`会员 ID（每行一个，最多 ${MAX_CAMPAIGN_MEMBERS} 位）`}
          extra={
            pasted.ids.length > 0
              ? `共 ${pasted.ids.length} 位会员${pasted.duplicates > 0 ? `（已去除重复 ${pasted.duplicates} 个）` : ''}`
              : undefined
          }
          rules={[{ validator: (_, value: string | undefined) => check(parseMemberIds(value ?? '').problem) }]}
        >
          <Input.TextArea className="campaign-members" rows={6} placeholder={'每行一个会员 ID，例如：\nm0001\nm0002'} />
        </Form.Item>
      </Form>
      {error ? <Alert className="campaign-error" type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
    </Modal>
  );
}
