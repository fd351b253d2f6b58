import { Alert, Button, Drawer, Flex, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CampaignDoc } from '~/types/campaigns';
import type { CouponTemplateRow } from '~/types/functions/admin-coupons';
import type { SegmentView } from '~/types/functions/marketing-segments';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

const KEYS = ['A', 'B', 'C'] as const;

interface DraftValues {
  name: string;
  segmentId: string;
  reason: string;
  holdoutPercent: number;
  variants: { templateId: string; percent: number }[];
  sendMessage: boolean;
  total: number | null;
  perDay: number | null;
  perMemberPerMonth: number | null;
  resultDays: number;
}

const INITIAL: Partial<DraftValues> = {
  holdoutPercent: 10,
  variants: [{ templateId: '', percent: 100 }],
  sendMessage: false,
  total: null,
  perDay: null,
  perMemberPerMonth: 1,
  resultDays: 30,
};

/**
 * The draft of a new campaign: who (an active segment, picked by name with its last count), why (the reason the member sees with the
 * coupon), the holdout share, up to three coupon variants whose shares add up to 100 %, the
 * budget caps, whether to send a subscription message, and the days results are measured over.
 */
export function CreateCampaignDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (doc: CampaignDoc) => void;
}) {
  const { client, token } = useAdminApi();
  const action = useAdminAction();
  const [form] = Form.useForm<DraftValues>();
  const [templates, setTemplates] = useState<CouponTemplateRow[]>([]);
  const [segments, setSegments] = useState<SegmentView[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    action.setError(null);
    action.setBusy(false);
    void client
      .call('listCouponTemplates', { token, status: 'active', pageSize: 100 })
      .then((page) => setTemplates(page.items))
      .catch(() => setTemplates([]));
    void client
      .call('listSegments', { token })
      .then((answer) => setSegments(answer.items))
      .catch(() => setSegments([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, client, token]);

  const submit = async (values: DraftValues) => {
    const outcome = await action.run(() =>
      client.call('saveCampaign', {
        token,
        name: values.name,
        segmentId: values.segmentId,
        reason: values.reason,
        holdoutPercent: values.holdoutPercent,
        variants: values.variants.map((variant, i) => ({
          key: KEYS[i] as (typeof KEYS)[number],
          templateId: variant.templateId,
          percent: variant.percent,
        })),
        sendMessage: values.sendMessage,
        budget: { total: values.total ?? null, perDay: values.perDay ?? null, perMemberPerMonth: values.perMemberPerMonth ?? null },
        resultDays: values.resultDays,
      }),
    );
    if (outcome.ok) onSaved(outcome.value);
  };

  return (
    <Drawer open={open} onClose={onClose} title="新建营销活动" size={640} className="create-campaign-drawer">
      <Form<DraftValues> form={form} layout="vertical" initialValues={INITIAL} onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请输入活动名称' }, { max: 40 }]}>
          <Input placeholder="例如：金卡会员回馈" className="campaign-name" />
        </Form.Item>
        <Form.Item
          name="segmentId"
          label="目标分群"
          rules={[{ required: true, message: '请选择分群' }]}
          extra="人数为分群最近一次统计的结果；启动时按当时的会员画像圈定"
        >
          <Select
            className="campaign-segment"
            placeholder="选择分群"
            showSearch={{ optionFilterProp: 'label' }}
            options={segments.map((segment) => ({
              value: segment._id,
              label: segment.lastCount === null ? `${segment.name}（未统计）` : `${segment.name}（${segment.lastCount} 人）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="发放理由（会员在券上看到）"
          rules={[
            { required: true, message: '请输入发放理由' },
            { max: 30, message: '最多 30 个字' },
          ]}
        >
          <Input placeholder="例如：因为你是金卡会员" maxLength={30} showCount className="campaign-reason" />
        </Form.Item>
        <Form.Item name="holdoutPercent" label="对照组比例（%）" rules={[{ required: true }]} extra="对照组不发券，用于衡量活动带来的增量">
          <InputNumber min={0} max={50} precision={0} className="campaign-holdout" />
        </Form.Item>
        <Form.List
          name="variants"
          rules={[
            {
              validator: async (_rule, variants: DraftValues['variants']) => {
                const sum = (variants ?? []).reduce((total, variant) => total + (variant?.percent ?? 0), 0);
                if (sum !== 100) throw new Error('各方案比例之和须为 100%');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              <Typography.Text>券方案（处理组内按比例分配）</Typography.Text>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" className="campaign-variant">
                  <Typography.Text>方案 {KEYS[i]}</Typography.Text>
                  <Form.Item name={[field.name, 'templateId']} rules={[{ required: true, message: '请选择优惠券' }]}>
                    <Select
                      className="campaign-variant-template"
                      style={{ width: 240 }}
                      placeholder="选择优惠券"
                      options={templates.map((template) => ({ value: template._id, label: template.title }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'percent']} rules={[{ required: true, message: '比例' }]}>
                    <InputNumber min={0} max={100} precision={0} className="campaign-variant-percent" />
                  </Form.Item>
                  {fields.length > 1 ? <Button onClick={() => remove(field.name)}>删除</Button> : null}
                </Space>
              ))}
              {fields.length < KEYS.length ? (
                <Button onClick={() => add({ templateId: undefined, percent: 0 })} className="add-variant">
                  添加方案
                </Button>
              ) : null}
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
        <Typography.Text>预算（留空为不限）</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          <Form.Item name="total" label="总发放上限">
            <InputNumber min={1} precision={0} className="campaign-budget-total" />
          </Form.Item>
          <Form.Item name="perDay" label="每日上限">
            <InputNumber min={1} precision={0} className="campaign-budget-per-day" />
          </Form.Item>
          <Form.Item name="perMemberPerMonth" label="每人每月上限（跨活动）">
            <InputNumber min={1} precision={0} className="campaign-budget-per-member" />
          </Form.Item>
        </Space>
        <Form.Item name="sendMessage" label="发放后发送订阅消息" valuePropName="checked">
          <Switch className="campaign-send-message" />
        </Form.Item>
        <Form.Item name="resultDays" label="效果统计天数" rules={[{ required: true }]}>
          <InputNumber min={1} max={180} precision={0} className="campaign-result-days" />
        </Form.Item>
        {action.error ? <Alert type="error" showIcon title={action.error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={action.busy} className="save-campaign">
          保存草稿
        </Button>
      </Form>
    </Drawer>
  );
}
