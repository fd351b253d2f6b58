import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Progress, Segmented, Select, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import type { CouponTemplateRow, TierOption } from '~/types/functions/admin-coupons';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';
import { check } from './template-form-sections';
import { MEMBER_NUMBERS_PER_CALL, inBatches, parseMemberNumbers } from './member-numbers';

type Audience = 'numbers' | 'tier';

interface SendValues {
  campaignId: string;
  memberText: string;
  tierId: string | undefined;
}

/** Where a send stands: members gone through of all, and what became of them. */
interface SendProgress {
  done: number;
  total: number;
  issued: number;
  alreadyHad: number;
  failed: number;
  unknown: string[];
  finished: boolean;
}

const CAMPAIGN_ID = /^[a-z][a-z0-9-]{0,31}$/;
const EMPTY: SendProgress = { done: 0, total: 0, issued: 0, alreadyHad: 0, failed: 0, unknown: [], finished: false };

/** Inputs of the send dialog. */
export interface SendCouponsModalProps {
  template: CouponTemplateRow;
  tiers: readonly TierOption[];
  onClose: () => void;
  onSent: () => void;
}

/**
 * 批量发券 of one template: to member numbers pasted or read from a CSV file (sent 200 a call),
 * or to a whole tier (a page of members a call, the server's cursor carried along), with a
 * progress bar. Once per member per campaign id, so a send stopped and sent again issues
 * nothing twice.
 */
export function SendCouponsModal({ template, tiers, onClose, onSent }: SendCouponsModalProps) {
  const { client, token } = useAdminApi();
  const [form] = Form.useForm<SendValues>();
  const { busy, setBusy, error, setError, run } = useAdminAction();
  const [audience, setAudience] = useState<Audience>('numbers');
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const stopped = useRef(false);
  const memberText = Form.useWatch('memberText', form) ?? '';
  const pasted = parseMemberNumbers(memberText);

  const readFile = async (file: File) => {
    const text = await file.text();
    form.setFieldsValue({ memberText: parseMemberNumbers(text).numbers.join('\n') || text });
    void form.validateFields(['memberText']).catch(() => undefined);
    return false;
  };

  const sendNumbers = async (campaignId: string, numbers: string[]) => {
    let state: SendProgress = { ...EMPTY, total: numbers.length };
    setProgress(state);
    for (const batch of inBatches(numbers, MEMBER_NUMBERS_PER_CALL)) {
      if (stopped.current) break;
      const outcome = await run(() =>
        client.call('issueCouponsByMemberNo', { token, templateId: template._id, campaignId, memberNos: batch }),
      );
      if (!outcome.ok) return;
      const sent = outcome.value;
      state = {
        ...state,
        done: state.done + batch.length,
        issued: state.issued + sent.issued,
        alreadyHad: state.alreadyHad + sent.alreadyHad,
        failed: state.failed + sent.failed.length,
        unknown: [...state.unknown, ...(sent.unknownMemberNos ?? [])],
      };
      setProgress(state);
    }
    setProgress({ ...state, finished: true });
  };

  const sendTier = async (campaignId: string, tierId: string) => {
    let state: SendProgress = { ...EMPTY };
    let cursor: string | null | undefined;
    do {
      if (stopped.current) break;
      const after = cursor ?? undefined;
      const outcome = await run(() =>
        client.call('issueTierCoupons', {
          token,
          templateId: template._id,
          campaignId,
          tierId,
          pageSize: 200,
          ...(after ? { cursor: after } : {}),
        }),
      );
      if (!outcome.ok) return;
      const page = outcome.value;
      state = {
        ...state,
        total: page.total,
        done: state.done + page.scanned,
        issued: state.issued + page.issued,
        alreadyHad: state.alreadyHad + page.alreadyHad,
        failed: state.failed + page.failed.length,
      };
      setProgress(state);
      cursor = page.nextCursor;
    } while (cursor);
    setProgress({ ...state, done: Math.max(state.done, state.total), finished: true });
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    stopped.current = false;
    setError(null);
    const campaignId = values.campaignId.trim();
    if (audience === 'numbers') await sendNumbers(campaignId, parseMemberNumbers(values.memberText).numbers);
    else await sendTier(campaignId, values.tierId as string);
    setBusy(false);
    onSent();
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;

  return (
    <Modal
      open
      className="send-coupons-modal"
      title={`批量发券：${template.title}`}
      okText="开始发放"
      cancelText={busy ? '停止' : '关闭'}
      width={620}
      confirmLoading={busy}
      okButtonProps={{ disabled: progress?.finished === true }}
      onOk={submit}
      onCancel={() => {
        if (busy) stopped.current = true;
        else onClose();
      }}
      mask={{ closable: false }}
    >
      <Form<SendValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ campaignId: '', memberText: '', tierId: undefined }}
      >
        <Form.Item label="发放对象">
          <Segmented<Audience>
            className="send-audience"
            value={audience}
            disabled={busy}
            onChange={setAudience}
            options={[
              { value: 'numbers', label: '指定会员号' },
              { value: 'tier', label: '按会员等级' },
            ]}
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
          <Input className="send-campaign-id" placeholder="例如：gold-day-2026" maxLength={32} disabled={busy} />
        </Form.Item>
        {audience === 'numbers' ? (
          <Form.Item
            name="memberText"
            label={
              <Flex gap={12} align="center">
                <span>会员号（每行一个）</span>
                <Upload accept=".csv,.txt,text/csv" showUploadList={false} beforeUpload={readFile} disabled={busy}>
                  <Button className="send-upload" size="small" icon={<UploadOutlined />}>
                    上传 CSV
                  </Button>
                </Upload>
              </Flex>
            }
            extra={
              pasted.numbers.length > 0
                ? `共 ${pasted.numbers.length} 位会员${pasted.duplicates > 0 ? `（已去除重复 ${pasted.duplicates} 个）` : ''}；CSV 取第一列`
                : 'CSV 文件取第一列，可带表头'
            }
            rules={[{ validator: (_, value: string | undefined) => check(parseMemberNumbers(value ?? '').problem) }]}
          >
            <Input.TextArea
              className="send-member-numbers"
              rows={6}
              placeholder={'每行一个会员号，例如：\n8602417735\n8602417736'}
              disabled={busy}
            />
          </Form.Item>
        ) : (
          <Form.Item name="tierId" label="会员等级" rules={[{ required: true, message: '请选择会员等级' }]}>
            <Select
              className="send-tier"
              placeholder="选择等级，发给该等级的全部会员"
              disabled={busy}
              options={tiers.map((tier) => ({ value: tier.tierId, label: tier.name }))}
            />
          </Form.Item>
        )}
      </Form>
      {progress ? (
        <Flex vertical gap={8} className="send-progress">
          <Progress percent={percent} status={progress.finished ? 'success' : busy ? 'active' : 'normal'} />
          <Typography.Text className="send-progress-text">
            {progress.finished ? '发放完成' : busy ? '发放中' : '已停止'}：已处理 {progress.done.toLocaleString('zh-CN')} /{' '}
            {progress.total.toLocaleString('zh-CN')} 位，新发放 {progress.issued}，此前已发放 {progress.alreadyHad}，未发放{' '}
            {progress.failed}
          </Typography.Text>
          {progress.unknown.length > 0 ? (
            <Typography.Text type="warning" className="send-unknown">
              未找到会员号：{progress.unknown.slice(0, 20).join('、')}
              {progress.unknown.length > 20 ? ` 等 ${progress.unknown.length} 个` : ''}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {error ? (
        <Alert
          className="send-error"
          type="error"
          showIcon
          title={`发放中断：${error}（可用同一活动编号重新发放，已发过的不会重复）`}
          style={{ marginTop: 16 }}
        />
      ) : null}
    </Modal>
  );
}
