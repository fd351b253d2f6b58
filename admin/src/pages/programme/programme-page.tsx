import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Result, Skeleton, Space, Tag, Typography, message } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { draftOf } from '~/core/programme/draft';
import { draftProblems } from '~/core/programme/draft-problems';
import type { AdminProgrammeResponses, DraftProblem, ProgrammeDraft, ProgrammeVersionView } from '~/types/functions/admin-programme';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';
import { formatDateTime } from '../../format/format-time';
import { useMayTake } from '../../hooks/use-may';
import type { EffectiveTimeValues } from './effective-time';
import { EFFECTIVE_TIME_DEFAULTS, EffectiveTimeFields, effectiveAtOf } from './effective-time';
import { PreviewResult } from './preview-result';
import { ProgrammeFormFields } from './programme-form';
import type { ProgrammeFormValues } from './programme-form-values';
import { formNameOf, toDraft, toFormValues } from './programme-form-values';
import { RestoreVersionModal } from './restore-version-modal';
import { useProgramme } from './use-programme';
import { HistoryTable, ScheduledTable } from './version-tables';

type Programme = AdminProgrammeResponses['getProgramme'];
type Preview = AdminProgrammeResponses['previewProgramme'];
type Values = ProgrammeFormValues & EffectiveTimeValues;

/** The fields of the publish settings, which do not change the draft. */
const PUBLISH_FIELDS = new Set(['effectiveMode', 'effectiveAt', 'note']);

/** The version in effect and what is scheduled after it. */
function CurrentSummary({ programme }: { programme: Programme }) {
  const { current, scheduled } = programme;
  const next = scheduled[0];
  return (
    <Flex vertical gap={8} className="programme-current">
      <Typography.Text>
        {current.version === 0 ? (
          <>当前规则：初始规则（尚未发布过版本）</>
        ) : (
          <>
            当前生效：<Tag color="green">第{current.version}版</Tag>
            {current.effectiveAt ? `自 ${formatDateTime(current.effectiveAt)} 起` : '最初的规则'}
          </>
        )}
      </Typography.Text>
      {next ? (
        <Alert
          className="programme-scheduled-notice"
          type="info"
          showIcon
          title={`第${next.version}版将于 ${formatDateTime(next.effectiveAt)} 生效${scheduled.length > 1 ? `，之后还有 ${scheduled.length - 1} 个待生效版本` : ''}`}
          description={`下面的表单从第${programme.latest.version}版开始编辑；新版本的生效时间不能早于已计划的版本。`}
        />
      ) : null}
    </Flex>
  );
}

/** The editor, the preview and the version tables, once the rules are loaded. */
function ProgrammeEditor({ programme, reload }: { programme: Programme; reload: () => void }) {
  const { client, token } = useAdminApi();
  const may = useMayTake();
  const canPublish = may('publishProgramme');
  const [form] = Form.useForm<Values>();
  const [notice, noticeHolder] = message.useMessage();
  const preview = useAdminAction();
  const publish = useAdminAction();
  const [previewed, setPreviewed] = useState<{ draft: ProgrammeDraft; result: Preview } | null>(null);
  const [restoring, setRestoring] = useState<ProgrammeVersionView | null>(null);
  const requestKey = useRef(newRequestKey());
  const initialValues = useMemo<Values>(
    () => ({ ...toFormValues(draftOf(programme.latest)), ...EFFECTIVE_TIME_DEFAULTS }),
    [programme.latest],
  );
  const tierNames = useMemo(() => programme.latest.tiers.map((tier) => tier.name), [programme.latest]);
  // A new latest version (published, restored or cancelled) starts the form again from it.
  useEffect(() => form.resetFields(), [form, initialValues]);

  /** Marks the boxes the problems name, and answers whether there were any. */
  const showProblems = (problems: DraftProblem[]) => {
    form.setFields(
      problems.flatMap((problem) => {
        const name = formNameOf(problem.field);
        return name ? [{ name: name as never, errors: [problem.message] }] : [];
      }),
    );
  };

  const startPreview = async () => {
    if ((await form.validateFields().catch(() => null)) === null) return;
    // Every value, the tier ids the form carries without a box included.
    const draft = toDraft(form.getFieldsValue(true) as Values);
    const context = {
      tierIds: programme.latest.tiers.map((tier) => tier._id),
      templateIds: new Set(programme.templates.map((template) => template.templateId)),
    };
    const local = draftProblems(draft, context);
    if (local.length) {
      showProblems(local);
      setPreviewed({ draft, result: { problems: local, changes: [], impact: null } });
      return;
    }
    const outcome = await preview.run(() => client.call('previewProgramme', { token, draft }));
    preview.setBusy(false);
    if (!outcome.ok) return;
    showProblems(outcome.value.problems);
    setPreviewed({ draft, result: outcome.value });
  };

  const startPublish = async () => {
    if (!previewed) return;
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    const outcome = await publish.run(() =>
      client.call('publishProgramme', {
        token,
        draft: previewed.draft,
        basedOn: programme.latest.version,
        effectiveAt: effectiveAtOf(values),
        note: values.note.trim(),
        requestKey: requestKey.current,
      }),
    );
    publish.setBusy(false);
    if (!outcome.ok) return;
    notice.success(`第${outcome.value.version}版已发布，将于 ${formatDateTime(outcome.value.effectiveAt)} 生效`);
    afterChange();
  };

  /** After a version is published, restored or cancelled: fresh rules and a fresh form. */
  const afterChange = () => {
    setPreviewed(null);
    requestKey.current = newRequestKey();
    reload();
  };

  const cancelVersion = async (version: number) => {
    const outcome = await publish.run(() => client.call('cancelProgrammeVersion', { token, version }));
    publish.setBusy(false);
    if (!outcome.ok) return;
    notice.success(`第${version}版已取消`);
    afterChange();
  };

  const ready = previewed && previewed.result.problems.length === 0 && previewed.result.changes.length > 0;
  return (
    <Flex vertical gap={16}>
      {noticeHolder}
      <Card title="规则设置" className="programme-summary">
        <CurrentSummary programme={programme} />
      </Card>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        disabled={!canPublish}
        onValuesChange={(changed: Partial<Values>) => {
          if (Object.keys(changed).some((key) => !PUBLISH_FIELDS.has(key))) {
            setPreviewed(null);
            requestKey.current = newRequestKey();
          }
        }}
      >
        <Flex vertical gap={16}>
          <ProgrammeFormFields tierNames={tierNames} templates={programme.templates} />
          {canPublish ? (
            <Card title="发布新版本" className="programme-publish">
              <EffectiveTimeFields />
              <Form.Item name="note" label="说明">
                <Input className="programme-note" maxLength={200} placeholder="例如：双十一签到奖励翻倍" />
              </Form.Item>
              <Space>
                <Button className="programme-preview" onClick={() => void startPreview()} loading={preview.busy}>
                  预览变更
                </Button>
                <Popconfirm
                  title={`发布为第${Math.max(programme.latest.version, 1) + 1}版？`}
                  description="发布后按生效时间生效；已发放的积分和订单不受影响"
                  okText="确认发布"
                  cancelText="再看看"
                  onConfirm={() => startPublish()}
                  disabled={!ready}
                >
                  <Button className="programme-publish-button" type="primary" disabled={!ready} loading={publish.busy}>
                    发布新版本
                  </Button>
                </Popconfirm>
              </Space>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                先预览，查看与当前版本的差异和影响范围后再发布；修改表单后需要重新预览。
              </Typography.Paragraph>
              {preview.error ? (
                <Alert
                  className="programme-preview-error"
                  type="error"
                  showIcon
                  title={`预览失败：${preview.error}`}
                  style={{ marginTop: 16 }}
                />
              ) : null}
              {publish.error ? (
                <Alert
                  className="programme-publish-error"
                  type="error"
                  showIcon
                  title={`操作失败：${publish.error}`}
                  style={{ marginTop: 16 }}
                />
              ) : null}
              {previewed ? (
                <div className="programme-preview-result" style={{ marginTop: 16 }}>
                  <PreviewResult preview={previewed.result} />
                </div>
              ) : null}
            </Card>
          ) : null}
        </Flex>
      </Form>
      <Card title="待生效的版本">
        <ScheduledTable
          versions={programme.scheduled}
          currentVersion={programme.current.version}
          now={programme.now}
          onCancel={may('cancelProgrammeVersion') ? cancelVersion : null}
        />
      </Card>
      <Card title="版本历史">
        <HistoryTable
          versions={programme.history}
          currentVersion={programme.current.version}
          now={programme.now}
          onRestore={may('restoreProgrammeVersion') ? setRestoring : null}
        />
      </Card>
      {restoring ? (
        <RestoreVersionModal
          version={restoring}
          onClose={() => setRestoring(null)}
          onDone={(restored) => {
            setRestoring(null);
            notice.success(`已恢复为第${restored.version}版，将于 ${formatDateTime(restored.effectiveAt)} 生效`);
            afterChange();
          }}
        />
      ) : null}
    </Flex>
  );
}

/** 规则设置: the programme's rules as versions — edit, preview the difference and its reach, publish at a time, cancel, restore. */
export function ProgrammePage() {
  const may = useMayTake();
  const { programme, loading, error, reload } = useProgramme();
  if (!may('getProgramme')) return <Result className="programme-forbidden" status="403" title="当前角色不能查看规则设置" />;
  if (error && !programme) {
    return (
      <Result
        className="programme-load-error"
        status="error"
        title="规则加载失败"
        subTitle={error}
        extra={
          <Button className="programme-retry" onClick={reload}>
            重新加载
          </Button>
        }
      />
    );
  }
  if (!programme) return <Skeleton className="programme-loading" active paragraph={{ rows: 8 }} />;
  return (
    <>
      {loading ? <Skeleton.Button active size="small" block style={{ marginBottom: 8 }} /> : null}
      {error ? (
        <Alert
          className="programme-reload-error"
          type="error"
          showIcon
          closable
          title={`刷新失败：${error}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ProgrammeEditor programme={programme} reload={reload} />
    </>
  );
}
