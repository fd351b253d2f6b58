import { Alert, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateRow } from '~/types/functions/admin-coupons';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { endOfShanghaiDay, formatDay } from '../../format/format-time';

interface EditValues {
  title: string;
  description: string;
  totalStock: number | null;
  validTo: Dayjs | null;
  perMemberLimit: number;
}

/** Inputs of the edit dialog. */
export interface EditTemplateModalProps {
  template: CouponTemplateRow;
  onClose: () => void;
  onSaved: (template: CouponTemplateDoc) => void;
}

/**
 * 编辑优惠券: only what is safe once coupons are out — name, notes, a total stock not below what
 * was issued, a fixed window's end, a higher per-member limit. Face value and conditions stay as
 * members hold them. Only changed fields are sent; a refusal keeps what was typed.
 */
export function EditTemplateModal({ template, onClose, onSaved }: EditTemplateModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<EditValues>();
  const { busy, error, run } = useAdminAction();
  const issued = template.totalStock !== null && template.stockRemaining !== null ? template.totalStock - template.stockRemaining : null;
  const fixedTo = template.validity.type === 'fixed' ? template.validity.to : null;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const change: Record<string, unknown> = {};
    if (values.title.trim() !== template.title) change.title = values.title.trim();
    if (values.description.trim() !== template.description) change.description = values.description.trim();
    if (template.totalStock !== null && values.totalStock !== null && values.totalStock !== template.totalStock)
      change.totalStock = values.totalStock;
    if (fixedTo !== null && values.validTo) {
      const to = endOfShanghaiDay(values.validTo.format('YYYY-MM-DD'));
      if (to !== fixedTo) change.validTo = to;
    }
    if (template.channel === 'centre' && values.perMemberLimit !== template.perMemberLimit) change.perMemberLimit = values.perMemberLimit;
    if (Object.keys(change).length === 0) {
      onClose();
      return;
    }
    const outcome = await run(() => client.call('updateCouponTemplate', { token, templateId: template._id, ...change }));
    if (outcome.ok) onSaved(outcome.value);
  };

  return (
    <Modal
      open
      className="edit-template-modal"
      title={`编辑优惠券：${template.title}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">面额、使用门槛和适用会员不可修改，已发出的券保持领取时的条件。</Typography.Paragraph>
      <Form<EditValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          title: template.title,
          description: template.description,
          totalStock: template.totalStock,
          validTo: fixedTo === null ? null : dayjs(formatDay(fixedTo)),
          perMemberLimit: template.perMemberLimit,
        }}
      >
        <Form.Item
          name="title"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请填写名称' },
            { max: 24, message: '最多 24 个字' },
          ]}
        >
          <Input className="edit-title" maxLength={24} />
        </Form.Item>
        <Form.Item name="description" label="使用说明" rules={[{ max: 200, message: '最多 200 个字' }]}>
          <Input.TextArea className="edit-description" rows={2} maxLength={200} />
        </Form.Item>
        {template.totalStock !== null ? (
          <Form.Item
            name="totalStock"
            label="总库存"
            extra={`已发放 ${issued ?? 0} 张，总库存不能少于已发放数量`}
            rules={[
              { required: true, message: '请填写总库存' },
              {
                validator: (_, value: number | null) =>
                  value !== null && issued !== null && value < issued
                    ? Promise.reject(new Error(`不能少于已发放的 ${issued} 张`))
                    : Promise.resolve(),
              },
            ]}
          >
            <InputNumber className="edit-total-stock" min={1} max={10_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        {fixedTo !== null ? (
          <Form.Item
            name="validTo"
            label="活动截止日期"
            extra="截止后不能再领取或发放；已发出的券按原有效期"
            rules={[{ required: true, message: '请选择截止日期' }]}
          >
            <DatePicker
              className="edit-valid-to"
              disabledDate={(day) => endOfShanghaiDay(day.format('YYYY-MM-DD')) < Date.now()}
              allowClear={false}
            />
          </Form.Item>
        ) : null}
        {template.channel === 'centre' ? (
          <Form.Item name="perMemberLimit" label="每人限领" extra="只能调高">
            <InputNumber className="edit-per-member" min={template.perMemberLimit} max={100} precision={0} />
          </Form.Item>
        ) : null}
      </Form>
      {error ? <Alert className="edit-template-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
