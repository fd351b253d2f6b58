import { DEFAULT_MESSAGE_TEMPLATE_IDS } from '~/core/tiers/default-programme';
import type { MemberDoc } from '~/types/documents';
import type { SubscriptionDoc, SubscriptionTopic } from '~/types/notify';
import type { EpochMs } from '~/types/units';
import { sdk } from '../db/cloud';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { MessageBody } from './messages';

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
  at: EpochMs;
  updatedAt: EpochMs;
}

/** `noQuota`: the member has not subscribed to the topic (nothing is recorded); `duplicate`: the effect's message was already handled. */
export type SendOutcome = 'sent' | 'noQuota' | 'failed' | 'duplicate';

/** The template id the brand set for a topic, or the default placeholder. */
async function templateIdOf(ctx: RequestContext, topic: SubscriptionTopic): Promise<string> {
  const { programme } = await loadProgramme(ctx);
  return programme.messages?.templateIds[topic] ?? DEFAULT_MESSAGE_TEMPLATE_IDS[topic];
}

/**
 * Sends one subscription message about an effect (key `effectKey`) to a member, at most once
 * and never past their quota: takes one unit of the member's quota for the topic with a guarded
 * update (`quota.<topic> > 0`; a member who did not subscribe costs this one request), records
 * the message under its key (a duplicate gives the unit back), then calls
 * `cloud.openapi.subscribeMessage.send`. `openid` is read from the member when not given.
 * Never throws: a failure is recorded and answered, so it can neither block nor repeat the
 * effect. Every crash window leaves a message unsent (or a unit unused), never sent twice.
 */
export async function sendSubscriptionMessage(
  ctx: RequestContext,
  input: { effectKey: string; memberId: string; openid?: string; message: MessageBody },
): Promise<SendOutcome> {
  const { topic, page, data } = input.message;
  const id = `${topic}:${input.effectKey}`;
  const _ = ctx.db.command;
  const notifications = ctx.db.collection<NotificationDoc>('notifications');
  const subscriptions = ctx.db.collection<SubscriptionDoc>('subscriptions');
  const settle = (status: NotificationDoc['status'], error: string | null = null) => notifications.updateWhere({ _id: id }, { status, error, updatedAt: ctx.now });
  try {
    const took = await subscriptions.updateWhere({ _id: input.memberId, [`quota.${topic}`]: _.gt(0) }, { [`quota.${topic}`]: _.inc(-1), updatedAt: ctx.now });
    if (took !== 1) return 'noQuota';
    const templateId = await templateIdOf(ctx, topic);
    if (!(await notifications.insert({ _id: id, memberId: input.memberId, topic, templateId, page, data, status: 'pending', error: null, at: ctx.now, updatedAt: ctx.now }))) {
      await subscriptions.updateWhere({ _id: input.memberId }, { [`quota.${topic}`]: _.inc(1), updatedAt: ctx.now });
      return 'duplicate';
    }
    const member = input.openid ? null : await ctx.db.collection<MemberDoc>('members').get(input.memberId);
    const openid = input.openid ?? (member?.status === 'active' ? member.openid : null);
    if (!openid) {
      await settle('failed', 'the member has left');
      return 'failed';
    }
    try {
      await sdk().openapi.subscribeMessage.send({
        touser: openid,
        templateId,
        page,
        data: Object.fromEntries(Object.entries(data).map(([keyword, value]) => [keyword, { value }])),
      });
    } catch (error) {
      const reason = String((error as { errMsg?: string; message?: string }).errMsg ?? (error as Error).message ?? error).slice(0, 200);
      await settle('failed', reason);
      return 'failed';
    }
    await settle('sent');
    return 'sent';
  } catch (error) {
    console.error(`[notify] ${id} not sent`, error);
    return 'failed';
  }
}
