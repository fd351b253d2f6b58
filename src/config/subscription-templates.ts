import type { SubscriptionTopic } from '~/types/notify';
import { SUBSCRIPTION_TOPICS } from '~/types/notify';

/** What each subscription topic is called in the opt-in list. */
export const TOPIC_TITLES: Record<SubscriptionTopic, string> = {
  tierChange: '会员等级变动提醒',
  tierAtRisk: '保级提醒',
  birthdayCoupon: '生日礼券到账提醒',
  comebackCoupon: '回归礼券到账提醒',
  pointsExpiring: '积分到期提醒',
};

/** WeChat shows at most this many templates in one `requestSubscribeMessage` prompt. */
export const MAX_TEMPLATES_PER_PROMPT = 3;

/**
 * The subscription-message template ids of this mini-program, one per topic, as chosen in the
 * WeChat admin console. Set at build time as `TARO_APP_SUBSCRIBE_TEMPLATES`, e.g.
 * `tierChange=AbC…,pointsExpiring=XyZ…`; a topic without an id is not offered in the weapp.
 */
export function subscriptionTemplates(
  source: string = process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '',
): Partial<Record<SubscriptionTopic, string>> {
  const templates: Partial<Record<SubscriptionTopic, string>> = {};
  for (const pair of source.split(',')) {
    const [topic, id] = pair.split('=').map((part) => part.trim());
    if (topic && id && (SUBSCRIPTION_TOPICS as readonly string[]).includes(topic)) templates[topic as SubscriptionTopic] = id;
  }
  return templates;
}

/** The topics a member can opt in to on this platform: all of them in H5, those with a template id in the weapp. */
export function offeredTopics(
  platform: string | undefined = process.env.TARO_ENV,
  templates = subscriptionTemplates(),
): SubscriptionTopic[] {
  if (platform !== 'weapp') return [...SUBSCRIPTION_TOPICS];
  return SUBSCRIPTION_TOPICS.filter((topic) => templates[topic] !== undefined);
}
