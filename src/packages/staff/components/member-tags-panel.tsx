import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MemberTagView } from '~/types/functions/marketing-tags';
import { Panel } from '~/src/components/panel';
import { CloudError } from '~/src/services/cloud';
import { listMemberTags, setMemberTag } from '~/src/services/staff';
import { actionErrorText } from '~/src/utils/error-text';
import './member-tags-panel.scss';

/**
 * The member's special tags staff may set at the till (肤质 found in store …): tap a value to set
 * it, tap the chosen one again to clear it. Hidden when the brand has no such tags.
 */
export function MemberTagsPanel({ sessionId }: { sessionId: string }) {
  const [tags, setTags] = useState<MemberTagView[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const answer = await listMemberTags(sessionId);
        if (live && answer) setTags(answer.tags);
      } catch {
        // The card works without tags; a failed read leaves the section out.
      }
    })();
    return () => {
      live = false;
    };
  }, [sessionId]);

  if (tags.length === 0) return null;

  const choose = async (tag: MemberTagView, value: string) => {
    if (busy) return;
    const next = tag.value === value ? null : value;
    setBusy(tag.tagId);
    try {
      setTags((await setMemberTag(sessionId, tag.tagId, next)).tags);
      void Taro.showToast({ title: next === null ? `已清除${tag.name}` : `${tag.name}：${next}`, icon: 'none' });
    } catch (error) {
      void Taro.showToast({ title: actionErrorText(error instanceof CloudError ? error : null), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Panel title="会员标签" className="card-tags">
      {tags.map((tag) => (
        <View className="till-tag card-tag" key={tag.tagId}>
          <Text className="till-tag__name">{tag.name}</Text>
          <View className="till-tag__values">
            {tag.values.map((value) => (
              <View
                key={value}
                className={`till-tag__value card-tag-value${tag.value === value ? ' till-tag__value--on' : ''}`}
                onClick={() => void choose(tag, value)}
              >
                <Text>{value}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </Panel>
  );
}
