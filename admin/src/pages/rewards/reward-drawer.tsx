import { Alert, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { formatFen } from '~/core/money/format';
import type { TierOption } from '~/types/functions/admin-coupons';
import type { AdminRewardRow } from '~/types/functions/admin-rewards';
import type { CouponTemplateDoc } from '~/types/coupons';
import { useAdminApi } from '../../api/admin-api-context';
import { AdminApiError } from '../../api/client';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { REWARD_KIND_TEXT } from './reward-labels';
import { REWARD_ID_PATTERN, REWARD_IMAGE_PATTERN, REWARD_LIMITS as LIMITS, cashFenOf, formValuesOf, payloadOf } from './reward-form-values';
import type { RewardFormValues } from './reward-form-values';

/** Inputs of the reward drawer. */
export interface RewardDrawerProps {
  /** The reward to edit, or null to create one. */
  reward: AdminRewardRow | null;
  tiers: readonly TierOption[];
  /** Coupon templates a coupon reward may issue. */
  templates: readonly CouponTemplateDoc[];
  onClose: () => void;
  onSaved: (reward: AdminRewardRow, created: boolean) => void;
}

const check = (problem: string | null) => (problem === null ? Promise.resolve() : Promise.reject(new Error(problem)));

function cashProblem(text: string | undefined): string | null {
  const fen = cashFenOf(text);
  if (fen === null) return '请输入到店支付的金额（元），如 9.90';
  if (fen < 1) return '金额至少 0.01 元';
  return fen > LIMITS.cashFen ? `金额不能超过 ${formatFen(LIMITS.cashFen)}` : null;
}

/** 新建礼品 / 编辑礼品: every field of saveReward; the stock is set here only when creating (库存 changes it after). */
export function RewardDrawer({ reward, tiers, templates, onClose, onSaved }: RewardDrawerProps) {
  const { client, token, onSessionLost } = useAdminApi();
  const [form] = Form.useForm<RewardFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mode = reward === null ? 'create' : 'update';
  const kind = Form.useWatch('kind', form) ?? reward?.kind ?? 'pickup';

  const showOnField = (name: string, text: string): boolean => {
    if (!(name in formValuesOf(null)) && name !== 'cashFen' && name !== 'couponTemplateId') return false;
    const field = name === 'cashFen' ? 'cash' : name === 'availableFrom' || name === 'availableTo' ? 'window' : name;
    (form as FormInstance).setFields([{ name: field, errors: [text] }]);
    return true;
  };

  const save = async () => {
    setError(null);
    const checked = await form.validateFields().catch(() => null);
    if (checked === null) return;
    const values = form.getFieldsValue(true) as RewardFormValues;
    setBusy(true);
    const outcome = await outcomeOf(
      () => client.call('saveReward', { token, ...payloadOf(values, mode) }),
      (cause) => {
        if (!(cause instanceof AdminApiError)) return describeActionError(cause);
        if (cause.code === 'CONFLICT' && mode === 'create') {
          showOnField('rewardId', '这个礼品编号已被另一件礼品使用');
          return '礼品编号已被占用，请换一个';
        }
        if (cause.code === 'CONFLICT') return '礼品已被他人修改，请关闭后重新打开再保存';
        if (cause.code === 'NOT_FOUND') return '礼品不存在，可能已被删除';
        const refused = cause.code === 'VALIDATION_FAILED' ? /^([A-Za-z][\w.]*): (.*)$/.exec(cause.message) : null;
        if (!refused) return describeActionError(cause);
        return showOnField(refused[1] ?? '', refused[2] ?? '') ? '提交的内容有误，请按标出的字段修改' : `提交的内容有误：${refused[2]}`;
      },
    );
    if (outcome.ok) return onSaved(outcome.value.reward, outcome.value.created);
    setBusy(false);
    if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setError(outcome.failure.message);
  };

  return (
    <Drawer
      open
      className="reward-drawer"
      title={reward === null ? '新建礼品' : `编辑礼品 · ${reward.title}`}
      size={720}
      onClose={onClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button className="reward-cancel" onClick={onClose}>
            取消
          </Button>
          <Button className="reward-save" type="primary" loading={busy} onClick={() => void save()}>
            {reward === null ? '创建礼品' : '保存'}
          </Button>
        </Flex>
      }
    >
      {error ? <Alert className="reward-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<RewardFormValues> form={form} layout="vertical" requiredMark={false} initialValues={formValuesOf(reward)}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="rewardId"
              label="礼品编号"
              extra={reward === null ? '礼品的固定编号，创建后不能修改' : undefined}
              rules={[
                { required: true, whitespace: true, message: '请输入礼品编号' },
                { pattern: REWARD_ID_PATTERN, message: '礼品编号为 1–48 位小写字母、数字或 -，以字母或数字开头' },
              ]}
            >
              <Input className="reward-id" placeholder="例如 canvas-tote" maxLength={48} disabled={reward !== null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="title"
              label="礼品名称"
              rules={[
                { required: true, whitespace: true, message: '请输入礼品名称' },
                { max: LIMITS.title, message: `礼品名称最多 ${LIMITS.title} 个字` },
              ]}
            >
              <Input className="reward-title" maxLength={LIMITS.title} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label="礼品类型">
          <Radio.Group
            className="reward-kind"
            optionType="button"
            options={(Object.keys(REWARD_KIND_TEXT) as RewardFormValues['kind'][]).map((value) => ({
              value,
              label: REWARD_KIND_TEXT[value],
            }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="pointsCost" label="所需积分" rules={[{ required: true, message: '请输入所需积分' }]}>
              <InputNumber<number> className="reward-points" min={1} max={LIMITS.pointsCost} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {kind === 'pointsCash' ? (
            <Col span={8}>
              <Form.Item
                name="cash"
                label="到店支付（元）"
                rules={[{ validator: (_rule, value: string | undefined) => check(cashProblem(value)) }]}
              >
                <Input className="reward-cash" prefix="¥" placeholder="0.00" />
              </Form.Item>
            </Col>
          ) : null}
          {kind === 'coupon' ? (
            <Col span={16}>
              <Form.Item name="couponTemplateId" label="兑换的券" rules={[{ required: true, message: '请选择兑换后发放的券模板' }]}>
                <Select
                  className="reward-template"
                  placeholder={templates.length === 0 ? '没有启用中的券模板' : '选择券模板'}
                  options={templates.map((template) => ({ value: template._id, label: template.title }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="perMemberLimit" label="每人限兑（次）" rules={[{ required: true, message: '请输入每人限兑次数' }]}>
              <InputNumber<number> className="reward-limit" min={1} max={LIMITS.perMemberLimit} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="minTierId" label="最低会员等级">
              <Select
                className="reward-tier"
                options={[{ value: '', label: '所有会员' }, ...tiers.map((tier) => ({ value: tier.tierId, label: `${tier.name}及以上` }))]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            {reward === null ? (
              <Form.Item name="initialStock" label="初始库存" rules={[{ required: true, message: '请输入初始库存' }]}>
                <InputNumber<number> className="reward-stock" min={0} max={LIMITS.stock} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ) : (
              <Form.Item label="库存" extra="在列表中点「库存」增减">
                <Input value={`剩余 ${reward.stockRemaining} / 共 ${reward.totalStock}`} disabled />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="window" label="兑换时间（按上海时间，含首尾两天；不填为不限）">
              <DatePicker.RangePicker className="reward-window" allowEmpty={[true, true]} placeholder={['开始日期', '结束日期']} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sort" label="排序（小的在前）">
              <InputNumber<number> className="reward-sort" min={-1_000_000} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="category"
              label="分类"
              rules={[
                { required: true, whitespace: true, message: '请输入分类，如 周边' },
                { max: LIMITS.category, message: `分类最多 ${LIMITS.category} 个字` },
              ]}
            >
              <Input className="reward-category" maxLength={LIMITS.category} placeholder="例如 周边" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="imageUrl"
              label="图片"
              rules={[
                {
                  validator: (_rule, value: string | undefined) =>
                    check(
                      !value || !value.trim() || REWARD_IMAGE_PATTERN.test(value.trim())
                        ? null
                        : '图片地址须以 /media/、https:// 或 cloud:// 开头',
                    ),
                },
              ]}
            >
              <Input className="reward-image" placeholder="cloud://… 文件 ID 或 https:// 地址" maxLength={LIMITS.imageUrl} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="说明" rules={[{ max: LIMITS.description, message: `说明最多 ${LIMITS.description} 个字` }]}>
          <Input.TextArea className="reward-description" rows={3} maxLength={LIMITS.description} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
