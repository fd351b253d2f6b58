import { Alert, Flex, Modal, Progress, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { TagDefinitionView } from '~/types/functions/marketing-tags';
import type { SegmentView } from '~/types/functions/marketing-segments';
import { useAdminApi } from '../../api/admin-api-context';
import { newRequestKey } from '../../api/request-key';
import { useAdminAction } from '../../api/use-admin-action';

/** The value select's entry for taking the tag off. */
const CLEAR = '__clear__';

interface Progressed {
  applied: number;
  unchanged: number;
  done: boolean;
}

/**
 * 按分群打标: one value of a tag (or clearing it) for every member of a segment. The server answers
 * part-way on a big segment; the dialog calls again from where it stopped until done, showing
 * what has been done so far. A failure part-way keeps the place: 继续 goes on from it.
 */
export function TagSegmentModal({ tag, onClose, onApplied }: { tag: TagDefinitionView; onClose: () => void; onApplied: () => void }) {
  const { client, token } = useAdminApi();
  const { busy, setBusy, error, run } = useAdminAction();
  const [segments, setSegments] = useState<SegmentView[] | null>(null);
  const [segmentId, setSegmentId] = useState<string | undefined>();
  const [value, setValue] = useState<string | undefined>();
  const [progress, setProgress] = useState<Progressed | null>(null);
  // One run: its key and where it got to, kept across a failure so 继续 picks it up.
  const runRef = useRef<{ requestKey: string; cursor: string | null; applied: number; unchanged: number } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    client
      .call('listSegments', { token }, { signal: controller.signal })
      .then((answer) => setSegments(answer.items.filter((segment) => segment.status === 'active')))
      .catch(() => {
        if (!controller.signal.aborted) setSegments([]);
      });
    return () => controller.abort();
  }, [client, token]);

  const segment = segments?.find((s) => s._id === segmentId);
  const started = progress !== null && !progress.done;

  const submit = async () => {
    if (!segmentId || value === undefined) return;
    const state = (runRef.current ??= { requestKey: newRequestKey(), cursor: null, applied: 0, unchanged: 0 });
    for (;;) {
      const outcome = await run(() =>
        client.call('applyTagToSegment', {
          token,
          tagId: tag._id,
          value: value === CLEAR ? null : value,
          segmentId,
          cursor: state.cursor,
          requestKey: state.requestKey,
        }),
      );
      if (!outcome.ok) return;
      state.applied += outcome.value.applied;
      state.unchanged += outcome.value.unchanged;
      state.cursor = outcome.value.next;
      setProgress({ applied: state.applied, unchanged: state.unchanged, done: outcome.value.done });
      if (outcome.value.done) break;
    }
    runRef.current = null;
    setBusy(false);
    onApplied();
  };

  const finished = progress?.done === true;
  const total = segment?.lastCount ?? null;
  const handled = progress ? progress.applied + progress.unchanged : 0;
  const choose = (change: () => void) => {
    // A new choice is a new run.
    runRef.current = null;
    setProgress(null);
    change();
  };

  return (
    <Modal
      open
      className="tag-segment-modal"
      title={`按分群打标 · ${tag.name}`}
      width={560}
      okText={started ? '继续' : '开始打标'}
      okButtonProps={{
        className: 'tag-segment-submit',
        loading: busy,
        disabled: !segmentId || value === undefined || finished,
      }}
      onOk={() => void submit()}
      cancelText="关闭"
      cancelButtonProps={{ disabled: busy }}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        为分群中的每位会员设置该标签（按分群规则当前的结果）。已是该值的会员不会重复修改，可放心重试。
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <Select
          className="tag-segment-select"
          placeholder={segments === null ? '正在加载分群…' : segments.length === 0 ? '还没有分群，请先在「分群」页创建' : '选择分群'}
          loading={segments === null}
          disabled={busy || !segments?.length}
          showSearch={{ optionFilterProp: 'label' }}
          options={(segments ?? []).map((s) => ({
            value: s._id,
            label: s.lastCount === null ? s.name : `${s.name}（约 ${s.lastCount.toLocaleString('zh-CN')} 人）`,
          }))}
          value={segmentId}
          onChange={(id: string) => choose(() => setSegmentId(id))}
        />
        <Select
          className="tag-segment-value"
          placeholder="选择标签值"
          disabled={busy}
          options={[...tag.values.map((v) => ({ value: v, label: v })), { value: CLEAR, label: '清除该标签' }]}
          value={value}
          onChange={(v: string) => choose(() => setValue(v))}
        />
        {progress ? (
          <Flex vertical className="tag-segment-progress">
            {total !== null && total > 0 ? (
              <Progress percent={finished ? 100 : Math.min(99, Math.floor((handled / total) * 100))} size="small" />
            ) : null}
            <Typography.Text type={finished ? 'success' : undefined}>
              {finished ? '已完成：' : '进行中：'}更新 {progress.applied.toLocaleString('zh-CN')} 位会员，
              {progress.unchanged.toLocaleString('zh-CN')} 位无需修改
            </Typography.Text>
          </Flex>
        ) : null}
        {error ? <Alert className="tag-segment-error" type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  );
}
