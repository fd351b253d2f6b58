import { Alert, Button, Form, Input, Modal, Spin, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SegmentPreview, SegmentSampleRow, SegmentView } from '~/types/functions/marketing-segments';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { newRequestKey } from '../../api/request-key';
import { formatDay } from '../../format/format-time';
import { useMay } from '../../hooks/use-may';
import type { RuleChoices } from './rule-builder';
import { RuleBuilder } from './rule-builder';
import type { RuleDraft } from './rule-draft';
import { STAGE_TEXT, draftOf, ruleOf } from './rule-draft';

/** How long the rule must stay unchanged before the live count is asked for. */
export const PREVIEW_DEBOUNCE_MS = 500;

/** 符合条件的会员: the live count of the rule on screen and up to 10 of its members. */
function PreviewPanel({
  preview,
  loading,
  error,
  tierName,
}: {
  preview: SegmentPreview | null;
  loading: boolean;
  error: string | null;
  tierName: (id: string) => string;
}) {
  const columns: TableColumnsType<SegmentSampleRow> = [
    { title: '会员号', dataIndex: 'memberNo', key: 'memberNo' },
    { title: '昵称', dataIndex: 'nickname', key: 'nickname' },
    { title: '等级', key: 'tier', render: (_v, row) => tierName(row.tierId) },
    { title: '阶段', key: 'stage', render: (_v, row) => STAGE_TEXT[row.stage] },
    { title: 'RFM', key: 'rfm', render: (_v, row) => `${row.rfm.r}-${row.rfm.f}-${row.rfm.m}` },
    { title: '最近消费', key: 'last', render: (_v, row) => (row.lastPurchaseAt === null ? '从未消费' : formatDay(row.lastPurchaseAt)) },
  ];
  return (
    <div className="segment-preview">
      {error ? <Alert className="segment-preview-error" type="error" showIcon title={`人数计算失败：${error}`} /> : null}
      <Spin spinning={loading}>
        <Statistic className="segment-live-count" title="符合条件的会员" value={preview?.count ?? '—'} suffix="人" />
        <Typography.Paragraph type="secondary" className="segment-preview-note">
          只统计已生成画像的会员
          {preview?.refreshedDay ? `（画像更新于 ${preview.refreshedDay}，之后加入的会员下次更新后计入）` : '（还没有会员画像）'}
        </Typography.Paragraph>
        <Table<SegmentSampleRow>
          className="segment-sample-table"
          size="small"
          rowKey="memberId"
          pagination={false}
          columns={columns}
          dataSource={preview?.sample ?? []}
          locale={{ emptyText: '没有符合条件的会员' }}
        />
      </Spin>
    </div>
  );
}

/** 新建分群 / 编辑分群: name, description and the rule, with a live count that follows the rule as it changes. */
export function SegmentEditor({
  segment,
  choices,
  onClose,
  onSaved,
}: {
  segment: SegmentView | null;
  choices: RuleChoices;
  onClose: () => void;
  onSaved: (saved: SegmentView) => void;
}) {
  const { client, token, onSessionLost } = useAdminApi();
  const maySave = useMay('saveSegment');
  const [form] = Form.useForm<{ name: string; description: string }>();
  const [draft, setDraft] = useState<RuleDraft>(() => (segment ? draftOf(segment.rule) : { join: 'and', groups: [] }));
  const [preview, setPreview] = useState<SegmentPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestKey = useRef(newRequestKey());
  const rule = useMemo(() => ruleOf(draft), [draft]);
  const ruleText = JSON.stringify(rule);

  useEffect(() => {
    const controller = new AbortController();
    setPreviewing(true);
    const timer = setTimeout(() => {
      void outcomeOf(
        () => client.call('previewSegment', { token, rule: JSON.parse(ruleText) }, { signal: controller.signal }),
        describeActionError,
      ).then((outcome) => {
        if (controller.signal.aborted) return;
        setPreviewing(false);
        if (outcome.ok) {
          setPreview(outcome.value);
          setPreviewError(null);
        } else if (outcome.failure.sessionLost) onSessionLost(outcome.failure.message);
        else setPreviewError(outcome.failure.message);
      });
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, token, ruleText, onSessionLost]);

  const tierName = (id: string) => choices.tiers.find((tier) => tier.value === id)?.label ?? id;

  const save = async () => {
    setError(null);
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    setBusy(true);
    const outcome = await outcomeOf(
      () =>
        client.call('saveSegment', {
          token,
          ...(segment ? { segmentId: segment._id } : {}),
          requestKey: requestKey.current,
          name: values.name.trim(),
          description: values.description.trim(),
          rule,
        }),
      describeActionError,
    );
    setBusy(false);
    if (outcome.ok) return onSaved(outcome.value);
    if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setError(outcome.failure.message);
  };

  return (
    <Modal
      open
      width={1000}
      className="segment-editor"
      title={segment ? `编辑分群 · ${segment.name}` : maySave ? '新建分群' : '试算分群'}
      okText="保存"
      cancelText="取消"
      footer={
        maySave
          ? undefined
          : [
              <Button key="close" className="segment-editor-close" onClick={onClose}>
                关闭
              </Button>,
            ]
      }
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ name: segment?.name ?? '', description: segment?.description ?? '' }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入分群名称' }]}>
          <Input className="segment-name" maxLength={30} showCount disabled={!maySave} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea className="segment-description" maxLength={200} rows={2} disabled={!maySave} />
        </Form.Item>
      </Form>
      <RuleBuilder draft={draft} choices={choices} onChange={setDraft} />
      <PreviewPanel preview={preview} loading={previewing} error={previewError} tierName={tierName} />
      {error ? <Alert className="segment-save-error" type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
