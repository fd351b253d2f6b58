import { memo } from 'react';
import { Card, Col, Form, Input, InputNumber, Row, Select, Tabs, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TemplateChoice } from '~/types/functions/admin-programme';
import type { ProgrammeFormValues } from './programme-form-values';
import { yuanProblem } from './programme-form-values';

const check = (problem: string | null) => (problem === null ? Promise.resolve() : Promise.reject(new Error(problem)));

/** A box for a whole number that must be filled in (the ranges are the programme's rules, checked before preview). */
const wholeRule = (label: string): Rule => ({
  validator: (_, value: number | null | undefined) =>
    check(
      value === null || value === undefined ? `请填写${label}` : Number.isInteger(value) && value >= 0 ? null : `${label}须为不小于0的整数`,
    ),
});

const yuanRule = (optional = false): Rule => ({ validator: (_, value: string | undefined) => check(yuanProblem(value, optional)) });

const STATUS_TEXT: Record<TemplateChoice['status'], string> = { active: '', paused: '（已暂停）', ended: '（已结束）' };

/** The coupon templates as choices, with "none" first. */
function templateOptions(templates: readonly TemplateChoice[], none: string) {
  return [
    { value: '', label: none },
    ...templates.map((template) => ({
      value: template.templateId,
      label: `${template.title}${STATUS_TEXT[template.status]} · ${template.templateId}`,
    })),
  ];
}

function NumberBox({ name, label, unit, help }: { name: keyof ProgrammeFormValues; label: string; unit: string; help?: string }) {
  return (
    <Col xs={24} md={12} xl={8}>
      <Form.Item name={name} label={label} rules={[wholeRule(label)]} help={help}>
        <InputNumber className={`programme-${name}`} min={0} precision={0} suffix={unit} style={{ width: '100%' }} aria-label={label} />
      </Form.Item>
    </Col>
  );
}

/** One tier's rules. */
function TierFields({ index, name, templates }: { index: number; name: string; templates: readonly TemplateChoice[] }) {
  const at = (field: string) => ['tiers', index, field];
  const lowest = index === 0;
  return (
    <div className={`programme-tier programme-tier-${index}`} aria-label={name}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={at('name')} label="等级名称" rules={[{ required: true, whitespace: true, message: '请填写等级名称' }]}>
            <Input className="programme-tier-name" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={at('entryYuan')} label="入会门槛（近一年消费）" rules={[yuanRule()]}>
            <Input className="programme-tier-entry" prefix="¥" disabled={lowest || undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={at('keepYuan')} label="保级门槛" rules={[yuanRule()]}>
            <Input className="programme-tier-keep" prefix="¥" disabled={lowest || undefined} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={at('pointsMultiplierPercent')} label="积分倍数" rules={[wholeRule('积分倍数')]}>
            <InputNumber className="programme-tier-multiplier" min={0} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={at('memberPricePercent')} label="会员价（原价的）" rules={[wholeRule('会员价')]}>
            <InputNumber className="programme-tier-price" min={0} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={at('birthdayCouponTemplateId')} label="生日礼券">
            <Select className="programme-tier-birthday" options={templateOptions(templates, '不发放')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={at('freeShippingYuan')} label="包邮门槛" rules={[yuanRule(true)]} extra="留空为无包邮特权，0 为全场包邮">
            <Input className="programme-tier-shipping" prefix="¥" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={at('perks')} label="展示权益" extra="输入后回车添加，会员在等级页看到">
            <Select className="programme-tier-perks" mode="tags" open={false} tokenSeparators={['，', ',']} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}

/**
 * Every rule the brand can change, one group per tab (a tab's boxes are made when it is first
 * opened). Memoised: the page around it re-renders on every step of a preview or publish.
 */
export const ProgrammeFormFields = memo(function ProgrammeFormFields({
  tierNames,
  templates,
}: {
  tierNames: readonly string[];
  templates: readonly TemplateChoice[];
}) {
  const tiers = (
    <>
      <Typography.Paragraph type="secondary">
        按近一年实付消费定级：达到入会门槛立即升级；年度评审时低于保级门槛的会员在宽限期后降级。门槛须随等级升高，保级门槛不高于入会门槛。
      </Typography.Paragraph>
      <Tabs
        className="programme-tier-tabs"
        type="card"
        items={tierNames.map((name, index) => ({
          key: String(index),
          label: name,
          children: <TierFields index={index} name={name} templates={templates} />,
        }))}
      />
    </>
  );
  const sections = [
    { key: 'tiers', label: '会员等级', children: tiers },
    {
      key: 'points',
      label: '积分规则',
      children: (
        <Row gutter={16}>
          <NumberBox name="earnPerYuan" label="每消费¥1得积分" unit="积分" help="再乘以等级的积分倍数" />
          <NumberBox name="pendingDays" label="待确认期（签收后）" unit="天" />
          <NumberBox name="expiryMonths" label="积分有效期" unit="个月" help="获得当月起算，到期月的月底过期" />
          <NumberBox name="expiryNoticeDays" label="过期前提醒" unit="天" />
          <NumberBox name="pointsPerYuan" label="抵扣比例" unit="积分抵¥1" />
          <NumberBox name="maxRedeemPercent" label="最高抵扣商品金额的" unit="%" />
        </Row>
      ),
    },
    {
      key: 'checkIn',
      label: '签到与奖励',
      children: (
        <Row gutter={16}>
          <NumberBox name="dailyPoints" label="每日签到" unit="积分" />
          <NumberBox name="streakDays" label="连续签到周期" unit="天" />
          <NumberBox name="streakBonusPoints" label="每满一个周期奖励" unit="积分" />
          <NumberBox name="profileBonusPoints" label="完善资料奖励" unit="积分" />
        </Row>
      ),
    },
    {
      key: 'coupons',
      label: '新人券与回归券',
      children: (
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="welcomeTemplateId" label="新人券（入会时发放）">
              <Select className="programme-welcome" options={templateOptions(templates, '不发放')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="comebackTemplateId" label="回归券">
              <Select className="programme-comeback" options={templateOptions(templates, '不发放')} />
            </Form.Item>
          </Col>
          <NumberBox name="comebackAfterDays" label="未下单多少天后发回归券" unit="天" />
          <NumberBox name="comebackCooldownDays" label="同一会员两次回归券间隔" unit="天" />
        </Row>
      ),
    },
    {
      key: 'review',
      label: '等级评审',
      children: (
        <Row gutter={16}>
          <NumberBox name="graceDays" label="降级宽限期" unit="天" help="评审未达保级门槛后，宽限期结束才降级" />
          <NumberBox name="noticeDays" label="降级前提醒" unit="天" />
        </Row>
      ),
    },
    {
      key: 'grouping',
      label: '会员分层',
      children: (
        <Row gutter={16}>
          <NumberBox name="rfmWindowDays" label="RFM统计周期" unit="天" help="最近多少天的消费计入RFM评分" />
          <NumberBox name="newDays" label="新会员期" unit="天" help="入会未满此天数且至多消费一次为新会员" />
          <NumberBox name="activeDays" label="活跃期" unit="天" help="此天数内有消费为活跃" />
          <NumberBox name="dormantDays" label="沉睡期" unit="天" help="超过活跃期、未超过此天数为沉睡，超过为流失" />
          <NumberBox name="wonBackDays" label="回流期" unit="天" help="沉睡或流失后再次消费，此天数内为回流" />
        </Row>
      ),
    },
  ];
  return (
    <Card title="规则" className="programme-rules">
      <Tabs className="programme-sections" items={sections} />
    </Card>
  );
});
