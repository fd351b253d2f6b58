import type { EpochMs } from './units';

/** The subscription messages members can opt in to; each opt-in allows one message of that topic. */
export const SUBSCRIPTION_TOPICS = ['tierChange', 'tierAtRisk', 'birthdayCoupon', 'comebackCoupon', 'pointsExpiring'] as const;

export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];

/**
 * `subscriptions` collection, `_id` = memberId: the one-time subscription quota the member
 * granted per topic (each accepted `requestSubscribeMessage` adds one; each send takes one).
 */
export interface SubscriptionDoc {
  _id: string;
  memberId: string;
  quota: Record<SubscriptionTopic, number>;
  /** Per topic, the batch that last took a unit of quota (see sendSubscriptionMessages): how a batch learns whose units it took. */
  claims?: Partial<Record<SubscriptionTopic, string>>;
  updatedAt: EpochMs;
}

/**
 * `notifications` collection: one per message sent under a unit of the member's quota,
 * `_id` = `<topic>:<effect key>`, so a retried effect never sends twice. `failed`: WeChat
 * refused or could not be reached (`error` says why); `pending`: the send was cut off before its
 * outcome was recorded, and is never retried.
 */
export interface NotificationDoc {
  _id: string;
  memberId: string;
  topic: SubscriptionTopic;
  templateId: string;
  page: string;
  data: Record<string, string>;
  status: 'pending' | 'sent' | 'failed';
  error: string | null;
  /** The claim that recorded it (random): how a batch whose insert stopped at a duplicate tells its own records from others'. */
  batch: string;
  at: EpochMs;
  updatedAt: EpochMs;
}

/** `subscription_grants`: one per accepted subscription prompt, `_id` = the prompt's key, so a prompt counts once. */
export interface SubscriptionGrantDoc {
  _id: string;
  memberId: string;
  topics: SubscriptionTopic[];
  at: EpochMs;
}
