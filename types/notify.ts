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
