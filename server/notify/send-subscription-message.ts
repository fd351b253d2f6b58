import { randomBytes } from 'node:crypto';
import { DEFAULT_MESSAGE_TEMPLATE_IDS } from '~/core/tiers/default-programme';
import type { NotificationDoc, SubscriptionTopic } from '~/types/notify';
import { sdk } from '../db/cloud';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { eachLimited } from '../runtime/each-limited';
import type { MessageBody } from './messages';

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
  const subscriptions = ctx.db.collection('subscriptions');
  const took = await subscriptions.updateWhere(
    { _id: request.memberId, [`quota.${topic}`]: _.gt(0) },
    { [`quota.${topic}`]: _.inc(-1), updatedAt: ctx.now },
  );
  if (took !== 1) return 'noQuota';
  const templateId = await templateIdOf(ctx, topic);
  const doc: NotificationDoc = {
    _id: id,
    memberId: request.memberId,
    topic,
    templateId,
    page,
    data,
    status: 'pending',
    error: null,
    batch: randomBytes(8).toString('hex'),
    at: ctx.now,
    updatedAt: ctx.now,
  };
  if (!(await ctx.db.collection('notifications').insert(doc))) {
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
  const notifications = ctx.db.collection('notifications');
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
    const member = input.openid ? null : await ctx.db.collection('members').get(input.memberId);
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
 * Claims a batch's messages as claimMessage does one, in a few requests however many there are:
 * one insert records every message under the batch's random claim id (a key already recorded by
 * another claim is `duplicate`), one guarded update takes a unit of quota from every member of
 * the messages recorded here who has one left, marking their subscriptions with the claim id
 * (read back only when some had none left, to learn whose units it took), and the messages of
 * members without quota are removed again (`noQuota`, nothing recorded). A member with several
 * messages in the batch is claimed one message at a time (claimMessage).
 */
async function claimMessages(ctx: RequestContext, requests: MessageRequest[]): Promise<(Claimed | 'noQuota' | 'duplicate')[]> {
  const _ = ctx.db.command;
  const claims: (Claimed | 'noQuota' | 'duplicate')[] = requests.map(() => 'noQuota');
  const memberTopic = (request: MessageRequest) => `${request.message.topic}:${request.memberId}`;
  const perMember = new Map<string, number>();
  for (const request of requests) perMember.set(memberTopic(request), (perMember.get(memberTopic(request)) ?? 0) + 1);
  const byTopic = new Map<SubscriptionTopic, number[]>();
  const single: Promise<void>[] = [];
  requests.forEach((request, index) => {
    if (perMember.get(memberTopic(request)) === 1)
      byTopic.set(request.message.topic, [...(byTopic.get(request.message.topic) ?? []), index]);
    else single.push(claimMessage(ctx, request).then((claim) => void (claims[index] = claim)));
  });
  const subscriptions = ctx.db.collection('subscriptions');
  const notifications = ctx.db.collection('notifications');
  for (const [topic, indexes] of byTopic) {
    const templateId = await templateIdOf(ctx, topic);
    const claimId = randomBytes(8).toString('hex');
    const docs = indexes.map((index): NotificationDoc => {
      const { memberId, effectKey, message } = requests[index] as MessageRequest;
      return {
        _id: `${topic}:${effectKey}`,
        memberId,
        topic,
        templateId,
        page: message.page,
        data: message.data,
        status: 'pending',
        error: null,
        batch: claimId,
        at: ctx.now,
        updatedAt: ctx.now,
      };
    });
    const taken = await notifications.insertMany(docs);
    if (taken.size > 0) {
      // A batch insert that met a duplicate may have put in the ones before it: those are this claim's.
      const found = await notifications.find({ _id: _.in([...taken]) }, { limit: taken.size, fields: ['batch'] });
      for (const doc of found) if (doc.batch === claimId) taken.delete(doc._id);
    }
    const mine = docs.filter((doc) => !taken.has(doc._id));
    if (mine.length === 0) {
      indexes.forEach((index) => (claims[index] = 'duplicate'));
      continue;
    }
    const memberIds = mine.map((doc) => doc.memberId);
    const took = await subscriptions.updateWhere(
      { _id: _.in(memberIds), [`quota.${topic}`]: _.gt(0) },
      { [`quota.${topic}`]: _.inc(-1), [`claims.${topic}`]: claimId, updatedAt: ctx.now },
    );
    const claimed =
      took === memberIds.length
        ? new Set(memberIds)
        : new Set(
            (await subscriptions.find({ _id: _.in(memberIds) }, { limit: memberIds.length, fields: ['claims'] }))
              .filter((doc) => doc.claims?.[topic] === claimId)
              .map((doc) => doc._id),
          );
    const unclaimed = mine.filter((doc) => !claimed.has(doc.memberId)).map((doc) => doc._id);
    if (unclaimed.length) await notifications.removeWhere({ _id: _.in(unclaimed) });
    indexes.forEach((index, i) => {
      const doc = docs[i] as NotificationDoc;
      claims[index] = taken.has(doc._id) ? 'duplicate' : claimed.has(doc.memberId) ? { id: doc._id, templateId } : 'noQuota';
    });
  }
  await Promise.all(single);
  return claims;
}

/**
 * Sends a batch of messages (one per effect, e.g. a job's page), each exactly as
 * sendSubscriptionMessage does, `concurrency` at a time, with fewer requests: the units of quota
 * taken and the messages recorded together (claimMessages), the members' openids in one read,
 * and the outcomes recorded once the batch is through, in one update per outcome instead of one
 * per message (a message cut off before that stays `pending`, which is never retried). Never throws.
 */
export async function sendSubscriptionMessages(
  ctx: RequestContext,
  requests: MessageRequest[],
  concurrency: number,
): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = requests.map(() => 'failed');
  if (requests.length === 0) return outcomes;
  const _ = ctx.db.command;
  const memberIds = [...new Set(requests.map((request) => request.memberId))];
  const openids = ctx.db
    .collection('members')
    .find({ _id: _.in(memberIds) }, { limit: memberIds.length, fields: ['openid', 'status'] })
    .then((found) => new Map(found.filter((member) => member.status === 'active').map((member) => [member._id, member.openid])))
    .catch((error: unknown) => {
      console.error('[notify] openids not read', error);
      return null;
    });
  const claims = await claimMessages(ctx, requests).catch((error: unknown) => {
    console.error(`[notify] ${requests.length} messages not claimed`, error);
    return null;
  });
  if (!claims) return outcomes;
  // Settled together below: message ids by reason (null when sent).
  const byReason = new Map<string | null, string[]>();
  const known = await openids;
  await eachLimited(requests, concurrency, async (request, index) => {
    const claimed = claims[index] as Claimed | 'noQuota' | 'duplicate';
    if (typeof claimed === 'string') {
      outcomes[index] = claimed;
      return;
    }
    try {
      const reason = known
        ? await deliver(known.get(request.memberId) ?? null, claimed.templateId, request.message)
        : 'the member could not be read';
      byReason.set(reason, [...(byReason.get(reason) ?? []), claimed.id]);
      outcomes[index] = reason === null ? 'sent' : 'failed';
    } catch (error) {
      console.error(`[notify] ${claimed.id} not sent`, error);
    }
  });
  for (const [reason, ids] of byReason) {
    await settle(ctx, ids, reason).catch((error: unknown) => console.error(`[notify] ${ids.length} outcomes not recorded`, error));
  }
  return outcomes;
}
