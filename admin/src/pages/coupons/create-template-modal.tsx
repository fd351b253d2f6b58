import { Alert, Col, Divider, Form, Input, Modal, Radio, Row } from 'antd';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { TierOption } from '~/types/functions/admin-coupons';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { CHANNEL_TEXT } from './coupon-labels';
import type { TemplateFormValues } from './template-form';
import { TEMPLATE_FORM_DEFAULTS, formProblems, toTemplateInput } from './template-form';
import { AudienceSection, StockSection, TermsSection, ValiditySection, check } from './template-form-sections';

/** Inputs of the create dialog. */
export interface CreateTemplateModalProps {
  /** The tiers a tier audience may name, lowest first. */
  tiers: readonly TierOption[];
  onClose: () => void;
  onCreated: (template: CouponTemplateDoc) => void;
}

const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{1,31}$/;
const SLUG = /^[a-z][a-z0-9-]{0,31}$/;

/** 新建优惠券: every field of a template, with the server's cross-field checks made before it is sent. */
export function CreateTemplateModal({ tiers, onClose, onCreated }: CreateTemplateModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<TemplateFormValues>();
  const { busy, error, setError, run } = useAdminAction();

  const submit = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid) return;
    const input = toTemplateInput({ ...TEMPLATE_FORM_DEFAULTS, ...(form.getFieldsValue(true) as Partial<TemplateFormValues>) });
    const problems = formProblems(input, Date.now(), (tierId) => tiers.some((tier) => tier.tierId === tierId));
    if (problems.length > 0) {
      form.setFields(problems.flatMap(({ name, message }) => (name === null ? [] : [{ name, errors: [message] }])));
      setError(problems.find((problem) => problem.name === null)?.message ?? null);
      return;
    }
    const outcome = await run(() => client.call('createCouponTemplate', { token, ...input }));
    if (outcome.ok) onCreated(outcome.value);
    else if (outcome.failure.code === 'CONFLICT') setError(`模板编号「${input.templateId ?? ''}」已被使用，请换一个或留空自动生成`);
  };

  return (
    <Modal
      open
      className="create-template-modal"
      title="新建优惠券"
      okText="创建"
      cancelText="取消"
      width={760}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<TemplateFormValues> form={form} layout="vertical" requiredMark={false} initialValues={TEMPLATE_FORM_DEFAULTS}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="title"
              label="券名称（会员可见）"
              rules={[
                { required: true, whitespace: true, message: '请填写券名称' },
                { validator: (_, value: string | undefined) => check((value?.trim().length ?? 0) > 24 ? '券名称最多 24 个字' : null) },
              ]}
            >
              <Input className="template-title" maxLength={24} showCount placeholder="例如：新品满99减10" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="templateId"
              label="模板编号（选填）"
              extra="留空自动生成；填写则为 2–32 位小写字母、数字或短横线"
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    check(!value?.trim() || TEMPLATE_ID.test(value.trim()) ? null : '模板编号为 2–32 位小写字母、数字或短横线'),
                },
              ]}
            >
              <Input className="template-id" placeholder="例如：spring-sale" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="使用说明（选填）">
          <Input.TextArea className="template-description" rows={2} maxLength={200} showCount placeholder="例如：全场通用，特价商品除外" />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          优惠内容
        </Divider>
        <TermsSection form={form} />

        <Divider titlePlacement="start" plain>
          有效期与库存
        </Divider>
        <ValiditySection form={form} />
        <StockSection form={form} />

        <Divider titlePlacement="start" plain>
          发放与适用范围
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <AudienceSection form={form} tiers={tiers} />
          </Col>
          <Col span={12}>
            <Form.Item
              name="stackingGroup"
              label="叠加分组"
              extra="同一分组的商品券一单只能用一张；免运费券可与商品券同用"
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    check(SLUG.test(value?.trim() ?? '') ? null : '分组为小写字母开头的字母、数字或短横线，最多 32 位'),
                },
              ]}
            >
              <Input className="template-stacking" placeholder="default" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="channel" label="发放渠道">
              <Radio.Group
                className="template-channel"
                optionType="button"
                options={(['centre', 'system'] as const).map((value) => ({ value, label: CHANNEL_TEXT[value] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label="创建后">
              <Radio.Group
                className="template-status"
                options={[
                  { value: 'active', label: '立即生效' },
                  { value: 'paused', label: '先暂停' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error ? <Alert className="create-template-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
