import { Alert, Card, Descriptions, Select, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberTagView } from '~/types/functions/marketing-tags';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { useMayTake } from '../../hooks/use-may';

/** 特殊标签 of the member detail: each active tag with the member's value, set or cleared in place by the roles that may. */
export function MemberTagsSection({ memberId }: { memberId: string }) {
  const { client, token, onSessionLost } = useAdminApi();
  const may = useMayTake();
  const [tags, setTags] = useState<MemberTagView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();
  const mayList = may('getMemberTags');
  const maySet = may('setMemberTag');

  useEffect(() => {
    if (!mayList) return;
    const controller = new AbortController();
    void outcomeOf(() => client.call('getMemberTags', { token, memberId }, { signal: controller.signal }), describeActionError).then(
      (outcome) => {
        if (!controller.signal.aborted && outcome.ok) setTags(outcome.value.tags);
      },
    );
    return () => controller.abort();
  }, [client, token, memberId, mayList]);

  if (!mayList || tags === null || tags.length === 0) return null;

  const choose = async (tag: MemberTagView, value: string | null) => {
    setBusy(tag.tagId);
    setError(null);
    const outcome = await outcomeOf(() => client.call('setMemberTag', { token, memberId, tagId: tag.tagId, value }), describeActionError);
    if (!outcome.ok && outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
    setBusy(null);
    if (!outcome.ok) return setError(`修改「${tag.name}」未成功：${outcome.failure.message}`);
    setTags((current) => (current ?? []).map((row) => (row.tagId === tag.tagId ? { ...row, value } : row)));
    notice.success(value === null ? `已清除「${tag.name}」` : `「${tag.name}」已设为 ${value}`);
  };

  return (
    <Card size="small" title="特殊标签" className="member-tags">
      {noticeHolder}
      {error ? <Alert className="member-tags-error" type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Descriptions
        size="small"
        column={2}
        items={tags.map((tag) => ({
          key: tag.tagId,
          label: tag.name,
          children: maySet ? (
            <Select<string>
              className={`member-tag-select member-tag-${tag.tagId}`}
              aria-label={tag.name}
              size="small"
              style={{ minWidth: 140 }}
              allowClear
              placeholder="未设置"
              loading={busy === tag.tagId}
              disabled={busy !== null}
              value={tag.value ?? undefined}
              options={tag.values.map((value) => ({ value, label: value }))}
              onChange={(value) => void choose(tag, value ?? null)}
            />
          ) : (
            <Typography.Text type={tag.value ? undefined : 'secondary'}>{tag.value ?? '未设置'}</Typography.Text>
          ),
        }))}
      />
    </Card>
  );
}
