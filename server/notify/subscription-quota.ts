import type { SubscriptionTopic } from '~/types/notify';
import { SUBSCRIPTION_TOPICS } from '~/types/notify';
import type { RequestContext } from '../runtime/wx';

const emptyQuota = (): Record<SubscriptionTopic, number> =>
  Object.fromEntries(SUBSCRIPTION_TOPICS.map((topic) => [topic, 0])) as Record<SubscriptionTopic, number>;

/** The member's remaining one-time subscription quota per topic. */
export async function subscriptionQuota(ctx: RequestContext, memberId: string): Promise<Record<SubscriptionTopic, number>> {
  const doc = await ctx.db.collection('subscriptions').get(memberId);
  return { ...emptyQuota(), ...doc?.quota };
}

/**
 * Adds one message of quota for each topic the member accepted in one prompt. The prompt's
 * client key is recorded in `subscription_grants`, so a retried report adds nothing.
 */
export async function recordSubscriptions(
  ctx: RequestContext,
  input: { memberId: string; accepted: SubscriptionTopic[]; clientKey: string },
): Promise<Record<SubscriptionTopic, number>> {
  const topics = [...new Set(input.accepted)];
  const fresh = await ctx.db
    .collection('subscription_grants')
    .insert({ _id: `grant:${input.memberId}:${input.clientKey}`, memberId: input.memberId, topics, at: ctx.now });
  if (fresh) {
    const subscriptions = ctx.db.collection('subscriptions');
    await subscriptions.insert({ _id: input.memberId, memberId: input.memberId, quota: emptyQuota(), updatedAt: ctx.now });
    const _ = ctx.db.command;
    await subscriptions.updateWhere(
      { _id: input.memberId },
      { ...Object.fromEntries(topics.map((topic) => [`quota.${topic}`, _.inc(1)])), updatedAt: ctx.now },
    );
  }
  return subscriptionQuota(ctx, input.memberId);
}

/**
 * Which of `memberIds` have quota left for `topic`, in one read: a sweep asks once per page
 * and skips the members who did not subscribe, instead of a guarded update for each. Advisory
 * only; the guarded update at sending decides.
 */
export async function subscribersAmong(ctx: RequestContext, topic: SubscriptionTopic, memberIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Set();
  const _ = ctx.db.command;
  const found = await ctx.db.collection('subscriptions').find({ _id: _.in(ids), [`quota.${topic}`]: _.gt(0) }, { limit: ids.length });
  return new Set(found.map((doc) => doc._id));
}
