import { DEFAULT_MESSAGE_TEMPLATE_IDS } from '~/core/tiers/default-programme';
import type { MemberDoc } from '~/types/documents';
import type { SubscriptionDoc, SubscriptionTopic } from '~/types/notify';
import type { EpochMs } from '~/types/units';
import { sdk } from '../db/cloud';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { eachLimited } from '../runtime/each-limited';
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

/** One message to send: about the effect `effectKey`, to a member. */
export interface MessageRequest {
  effectKey: string;
  memberId: string;
  message: MessageBody;
}

/** A message recorded as `pending` under one unit of quota, ready to go. */
interface Claimed {
  id: string;
  templateId: string;
}

/**
 * Takes one unit of the member's quota for the topic with a guarded update (`quota.<topic> > 0`;
 * a member who did not subscribe costs this one request) and records the message under its key
 * as `pending`; a key already recorded gives the unit back.
 */
async function claimMessage(ctx: RequestContext, request: MessageRequest): Promise<Claimed | 'noQuota' | 'duplicate'> {
  const { topic, page, data } = request.message;
  const id = `${topic}:${request.effectKey}`;
  const _ = ctx.db.command;
  const subscriptions = ctx.db.collection<SubscriptionDoc>('subscriptions');
  const took = await subscriptions.updateWhere({ _id: request.memberId, [`quota.${topic}`]: _.gt(0) }, { [`quota.${topic}`]: _.inc(-1), updatedAt: ctx.now });
  if (took !== 1) return 'noQuota';
  const templateId = await templateIdOf(ctx, topic);
  const doc: NotificationDoc = { _id: id, memberId: request.memberId, topic, templateId, page, data, status: 'pending', error: null, at: ctx.now, updatedAt: ctx.now };
  if (!(await ctx.db.collection<NotificationDoc>('notifications').insert(doc))) {
    await subscriptions.updateWhere({ _id: request.memberId }, { [`quota.${topic}`]: _.inc(1), updatedAt: ctx.now });
    return 'duplicate';
  }
  return { id, templateId };
}

/** Calls `cloud.openapi.subscribeMessage.send`; answers null when WeChat took it, or why not. */
async function deliver(openid: string | null, templateId: string, message: MessageBody): Promise<string | null> {
  if (!openid) return 'the member has left';
  try {
    await sdk().openapi.subscribeMessage.send({
      touser: openid,
      templateId,
      page: message.page,
      data: Object.fromEntries(Object.entries(message.data).map(([keyword, value]) => [keyword, { value }])),
    });
    return null;
  } catch (error) {
    return String((error as { errMsg?: string; message?: string }).errMsg ?? (error as Error).message ?? error).slice(0, 200);
  }
}

/** Records the outcome of the messages `ids`: sent (no reason), or failed for `reason`. */
async function settle(ctx: RequestContext, ids: string[], reason: string | null): Promise<void> {
  const _ = ctx.db.command;
  const status: NotificationDoc['status'] = reason === null ? 'sent' : 'failed';
  const fields = { status, error: reason, updatedAt: ctx.now };
  const notifications = ctx.db.collection<NotificationDoc>('notifications');
  await (ids.length === 1 ? notifications.updateWhere({ _id: ids[0] }, fields) : notifications.updateWhere({ _id: _.in(ids) }, fields));
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
export async function sendSubscriptionMessage(ctx: RequestContext, input: MessageRequest & { openid?: string }): Promise<SendOutcome> {
  const id = `${input.message.topic}:${input.effectKey}`;
  try {
    const claimed = await claimMessage(ctx, input);
    if (typeof claimed === 'string') return claimed;
    const member = input.openid ? null : await ctx.db.collection<MemberDoc>('members').get(input.memberId);
    const openid = input.openid ?? (member?.status === 'active' ? member.openid : null);
    const reason = await deliver(openid, claimed.templateId, input.message);
    await settle(ctx, [claimed.id], reason);
    return reason === null ? 'sent' : 'failed';
  } catch (error) {
    console.error(`[notify] ${id} not sent`, error);
    return 'failed';
  }
}

/**
 * Sends a batch of messages (one per effect, e.g. a job's page), each exactly as
 * sendSubscriptionMessage does, `concurrency` at a time, with fewer requests: the members'
 * openids in one read, and the outcomes recorded once the batch is through, in one update per
 * outcome instead of one per message (a message cut off before that stays `pending`, which is
 * never retried). Never throws.
 */
export async function sendSubscriptionMessages(ctx: RequestContext, requests: MessageRequest[], concurrency: number): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = requests.map(() => 'failed');
  if (requests.length === 0) return outcomes;
  const _ = ctx.db.command;
  const memberIds = [...new Set(requests.map((request) => request.memberId))];
  const openids = ctx.db
    .collection<MemberDoc>('members')
    .find({ _id: _.in(memberIds) }, { limit: memberIds.length })
    .then((found) => new Map(found.filter((member) => member.status === 'active').map((member) => [member._id, member.openid])))
    .catch((error: unknown) => {
      console.error('[notify] openids not read', error);
      return null;
    });
  // Settled together below: message ids by reason (null when sent).
  const byReason = new Map<string | null, string[]>();
  await eachLimited(requests, concurrency, async (request, index) => {
    try {
      const claimed = await claimMessage(ctx, request);
      if (typeof claimed === 'string') {
        outcomes[index] = claimed;
        return;
      }
      const known = await openids;
      const reason = known ? await deliver(known.get(request.memberId) ?? null, claimed.templateId, request.message) : 'the member could not be read';
      byReason.set(reason, [...(byReason.get(reason) ?? []), claimed.id]);
      outcomes[index] = reason === null ? 'sent' : 'failed';
    } catch (error) {
      console.error(`[notify] ${request.message.topic}:${request.effectKey} not sent`, error);
    }
  });
  for (const [reason, ids] of byReason) {
    await settle(ctx, ids, reason).catch((error: unknown) => console.error(`[notify] ${ids.length} outcomes not recorded`, error));
  }
  return outcomes;
}
