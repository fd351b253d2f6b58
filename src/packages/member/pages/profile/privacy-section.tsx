import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Checkbox, Dialog, Switch } from '@nutui/nutui-react-taro';
import type { MemberProfile } from '~/types/functions/member';
import type { SubscriptionTopic } from '~/types/notify';
import { MAX_TEMPLATES_PER_PROMPT, offeredTopics, subscriptionTemplates, TOPIC_TITLES } from '~/src/config/subscription-templates';
import { useMemberStore } from '~/src/stores/member';
import { newClientKey } from '~/src/utils/client-key';
import { actionErrorText } from '~/src/utils/error-text';
import { SettingsRow } from './settings-row';

/**
 * Asks for the chosen topics: WeChat's own prompt in the weapp (answers the accepted ones); the
 * H5 build has no such prompt, so the member's choice in our list is the answer.
 */
async function askForTopics(topics: SubscriptionTopic[]): Promise<SubscriptionTopic[]> {
  if (process.env.TARO_ENV !== 'weapp') return topics;
  const templates = subscriptionTemplates();
  const ids = topics.map((topic) => templates[topic]).filter((id): id is string => id !== undefined);
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>;
  return topics.filter((topic) => answer[templates[topic] ?? ''] === 'accept');
}

/** Marketing consent and the subscription-message opt-in. */
export function PrivacySection({ profile }: { profile: MemberProfile }) {
  const setConsent = useMemberStore((s) => s.setConsent);
  const setPersonalisation = useMemberStore((s) => s.setPersonalisation);
  const quota = useMemberStore((s) => s.subscriptionQuota);
  const loadQuota = useMemberStore((s) => s.loadSubscriptionQuota);
  const recordSubscriptions = useMemberStore((s) => s.recordSubscriptions);
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<SubscriptionTopic[]>([]);
  const topics = offeredTopics();
  const limit = process.env.TARO_ENV === 'weapp' ? MAX_TEMPLATES_PER_PROMPT : topics.length;

  useEffect(() => {
    void loadQuota();
  }, [loadQuota]);

  const onConsent = async (marketing: boolean) => {
    const saved = await setConsent(marketing);
    if (!saved.ok) void Taro.showToast({ title: actionErrorText(saved), icon: 'none' });
  };

  const onPersonalisation = async (personalised: boolean) => {
    const saved = await setPersonalisation(personalised);
    if (!saved.ok) void Taro.showToast({ title: actionErrorText(saved), icon: 'none' });
  };

  const onSubscribe = async () => {
    const picked = chosen;
    setChoosing(false);
    if (picked.length === 0) return;
    let accepted: SubscriptionTopic[];
    try {
      accepted = await askForTopics(picked);
    } catch {
      void Taro.showToast({ title: '未能打开订阅，请稍后再试', icon: 'none' });
      return;
    }
    if (accepted.length === 0) {
      void Taro.showToast({ title: '未订阅任何提醒', icon: 'none' });
      return;
    }
    const saved = await recordSubscriptions(accepted, newClientKey());
    void Taro.showToast({ title: saved.ok ? `已订阅 ${accepted.length} 项提醒` : actionErrorText(saved), icon: 'none' });
  };

  const total = quota.data ? Object.values(quota.data).reduce((sum, n) => sum + n, 0) : null;

  return (
    <>
      <View className="profile-list profile-privacy">
        <SettingsRow
          label="接收优惠活动消息"
          className="profile-consent"
          value={<Switch className="consent-switch" checked={profile.marketingConsent} onChange={(value) => void onConsent(value)} />}
        />
        <SettingsRow
          label="个性化推荐与优惠"
          className="profile-personalised"
          value={
            <Switch
              className="personalised-switch"
              checked={profile.personalisedConsent}
              onChange={(value) => void onPersonalisation(value)}
            />
          }
        />
        <Text className="profile-row-note profile-personalised-note">
          开启时，我们会根据你的消费记录和会员标签（如肤质、尺码）为你挑选商品推荐和专属优惠。关闭后，不再根据你的个人特征推荐或发放定向优惠，「猜你喜欢」只显示热销商品；会员等级权益和面向所有会员的优惠券不受影响。
        </Text>
        {topics.length > 0 ? (
          <SettingsRow
            label="订阅消息提醒"
            className="profile-subscribe"
            value={total === null ? '' : total > 0 ? `可接收 ${total} 条` : '未订阅'}
            onClick={() => {
              setChosen([]);
              setChoosing(true);
            }}
          />
        ) : (
          <SettingsRow label="订阅消息提醒" className="profile-subscribe" value="暂未开通" />
        )}
        <Text className="profile-row-note">订阅后，每项提醒可在相应事件发生时收到一次微信通知；再次订阅可继续接收。</Text>
      </View>
      <Dialog
        className="subscribe-dialog"
        visible={choosing}
        title="选择要接收的提醒"
        content={
          <View className="subscribe-topics">
            {limit < topics.length ? <Text className="subscribe-topics__hint">每次最多选择 {limit} 项</Text> : null}
            <Checkbox.Group value={chosen} max={limit} onChange={(value) => setChosen(value as SubscriptionTopic[])}>
              {topics.map((topic) => (
                <Checkbox className="subscribe-topic" key={topic} value={topic} label={TOPIC_TITLES[topic]} />
              ))}
            </Checkbox.Group>
          </View>
        }
        confirmText="订阅"
        cancelText="取消"
        disableConfirmButton={chosen.length === 0}
        onConfirm={() => void onSubscribe()}
        onCancel={() => setChoosing(false)}
        onClose={() => setChoosing(false)}
      />
    </>
  );
}
