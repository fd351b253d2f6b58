import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { couponFace } from '~/core/coupons/coupon-text';
import type { TierOption } from '~/types/functions/admin-coupons';
import { KIND_TEXT } from './coupon-labels';
import type { TemplateFormValues } from './template-form';
import { TEMPLATE_FORM_DEFAULTS, checkYuan, toTemplateInput, zheToPercentOff } from './template-form';

// Each section watches only the switch that shapes it, so typing in one re-renders that section alone.

type SectionProps = { form: FormInstance<TemplateFormValues> };

/** Resolves a form rule from a problem message, or passes when there is none. */
export const check = (problem: string | null) => (problem === null ? Promise.resolve() : Promise.reject(new Error(problem)));

/** A rule for a whole number from `min` to `max`, with what it counts in the message. */
function wholeNumber(label: string, min: number, max: number): Rule {
  return {
    validator: (_, value: number | null | undefined) =>
      check(
        value === null || value === undefined
          ? `请填写${label}`
          : Number.isInteger(value) && value >= min && value <= max
            ? null
            : `${label}为 ${min}–${max.toLocaleString('en-US')} 的整数`,
      ),
  };
}

const yuanRule = (options: { required: boolean; positive: boolean }): Rule => ({
  validator: (_, value: string | undefined) => check(checkYuan(value, options)),
});

/** The face the coupon will show, while the amounts typed make one. */
function FacePreview({ form }: SectionProps) {
  const kind = Form.useWatch('kind', form) ?? TEMPLATE_FORM_DEFAULTS.kind;
  const thresholdYuan = Form.useWatch('thresholdYuan', form) ?? '';
  const amountYuan = Form.useWatch('amountYuan', form) ?? '';
  const zhe = Form.useWatch('zhe', form) ?? '';
  const capYuan = Form.useWatch('capYuan', form) ?? '';
  const complete =
    checkYuan(thresholdYuan, { required: false, positive: false }) === null &&
    (kind !== 'cash' || checkYuan(amountYuan, { required: true, positive: true }) === null) &&
    (kind !== 'percent' || (zheToPercentOff(zhe) !== null && checkYuan(capYuan, { required: false, positive: true }) === null));
  if (!complete) return null;
  const face = couponFace(toTemplateInput({ ...TEMPLATE_FORM_DEFAULTS, kind, thresholdYuan, amountYuan, zhe, capYuan }).terms);
  return (
    <Typography.Paragraph className="template-preview" type="secondary">
      券面预览：
      <Typography.Text strong style={{ color: '#cf1322' }}>
        {face.headline}
      </Typography.Text>{' '}
      {face.condition}
    </Typography.Paragraph>
  );
}

/** What the coupon takes off: its kind, threshold, and the amount, or the 折 and cap. */
export function TermsSection({ form }: SectionProps) {
  const kind = Form.useWatch('kind', form) ?? TEMPLATE_FORM_DEFAULTS.kind;
  return (
    <>
      <Form.Item name="kind" label="券类型">
        <Radio.Group
          className="template-kind"
          optionType="button"
          options={(['cash', 'percent', 'shipping'] as const).map((value) => ({ value, label: KIND_TEXT[value] }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="thresholdYuan"
            label="使用门槛（商品金额满）"
            extra="填 0 表示无门槛"
            rules={[yuanRule({ required: false, positive: false })]}
          >
            <Input className="template-threshold" prefix="¥" inputMode="decimal" />
          </Form.Item>
        </Col>
        {kind === 'cash' ? (
          <Col span={8}>
            <Form.Item name="amountYuan" label="优惠金额" rules={[yuanRule({ required: true, positive: true })]}>
              <Input className="template-amount" prefix="¥" inputMode="decimal" placeholder="例如：10" />
            </Form.Item>
          </Col>
        ) : null}
        {kind === 'percent' ? (
          <>
            <Col span={8}>
              <Form.Item
                name="zhe"
                label="折扣"
                rules={[
                  {
                    validator: (_, value: string | undefined) =>
                      check(!value?.trim() ? '请填写折扣' : zheToPercentOff(value) === null ? '折扣为 0.1–9.9 折，最多一位小数' : null),
                  },
                ]}
              >
                <Input className="template-zhe" suffix="折" inputMode="decimal" placeholder="例如：8.5" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="capYuan" label="最高优惠（选填）" rules={[yuanRule({ required: false, positive: true })]}>
                <Input className="template-cap" prefix="¥" inputMode="decimal" placeholder="不填则不封顶" />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      <FacePreview form={form} />
    </>
  );
}

/** When an issued coupon may be used: days from issue, or fixed whole days. */
export function ValiditySection({ form }: SectionProps) {
  const validityType = Form.useWatch('validityType', form) ?? TEMPLATE_FORM_DEFAULTS.validityType;
  const channel = Form.useWatch('channel', form) ?? TEMPLATE_FORM_DEFAULTS.channel;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="validityType" label="有效期">
          <Radio.Group
            className="template-validity-type"
            options={[
              { value: 'relative', label: channel === 'centre' ? '领取后若干天' : '发放后若干天' },
              { value: 'fixed', label: '固定日期' },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        {validityType === 'relative' ? (
          <Form.Item name="days" label="有效天数" extra="当天算第 1 天，到最后一天 23:59 为止" rules={[wholeNumber('有效天数', 1, 3650)]}>
            <InputNumber className="template-days" min={1} max={3650} precision={0} suffix="天" style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="range" label="起止日期（含首尾两天，北京时间）" rules={[{ required: true, message: '请选择起止日期' }]}>
            <DatePicker.RangePicker className="template-range" style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

/** How many coupons the template may issue, and how many one member may claim. */
export function StockSection({ form }: SectionProps) {
  const unlimited = Form.useWatch('unlimited', form) ?? TEMPLATE_FORM_DEFAULTS.unlimited;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item label="发放总量">
          <Form.Item name="unlimited" valuePropName="checked" noStyle>
            <Checkbox className="template-unlimited">不限量</Checkbox>
          </Form.Item>
          {unlimited ? null : (
            <Form.Item name="totalStock" noStyle rules={[wholeNumber('发放总量', 1, 10_000_000)]}>
              <InputNumber className="template-stock" min={1} max={10_000_000} precision={0} suffix="张" style={{ width: 180 }} />
            </Form.Item>
          )}
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="perMemberLimit" label="每人限领" extra="会员在领券中心可领取的张数" rules={[wholeNumber('每人限领张数', 1, 100)]}>
          <InputNumber className="template-limit" min={1} max={100} precision={0} suffix="张" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Who may receive the coupons: everyone, a tier and above, or members who joined lately. */
export function AudienceSection({ form, tiers }: SectionProps & { tiers: readonly TierOption[] }) {
  const audienceType = Form.useWatch('audienceType', form) ?? TEMPLATE_FORM_DEFAULTS.audienceType;
  return (
    <>
      <Form.Item name="audienceType" label="适用会员" style={{ marginBottom: 8 }}>
        <Radio.Group
          className="template-audience"
          options={[
            { value: 'all', label: '全部会员' },
            { value: 'minTier', label: '指定等级及以上' },
            { value: 'newMembers', label: '新会员' },
          ]}
        />
      </Form.Item>
      {audienceType === 'minTier' ? (
        <Form.Item name="tierId" rules={[{ required: true, message: '请选择会员等级' }]}>
          <Select
            className="template-tier"
            placeholder="选择最低会员等级"
            options={tiers.map((tier) => ({ value: tier.tierId, label: `${tier.name}及以上` }))}
          />
        </Form.Item>
      ) : null}
      {audienceType === 'newMembers' ? (
        <Form.Item name="withinDays" extra="入会当天算第 1 天" rules={[wholeNumber('入会天数', 1, 365)]}>
          <InputNumber
            className="template-within-days"
            min={1}
            max={365}
            precision={0}
            prefix="入会"
            suffix="天内"
            style={{ width: '100%' }}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
