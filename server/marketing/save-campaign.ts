import { randomBytes } from 'node:crypto';
import { CodedError } from '~/core/coded-error';
import type { CampaignDoc } from '~/types/campaigns';
import type { CampaignDraftInput } from '~/types/functions/marketing-campaigns';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

/** What an audit entry records of a draft. */
export const draftView = (doc: CampaignDoc) => ({
  name: doc.name,
  segmentId: doc.segmentId,
  reason: doc.reason,
  holdoutPercent: doc.holdoutPercent,
  variants: doc.variants,
  sendMessage: doc.sendMessage,
  budget: doc.budget,
  resultDays: doc.resultDays,
  status: doc.status,
});

/** Refuses a draft whose segment is missing or archived, or whose variants name a template that is missing or not active. */
async function checkReferences(ctx: RequestContext, input: CampaignDraftInput): Promise<void> {
  const segment = await ctx.db.collection('segments').get(input.segmentId);
  if (!segment || segment.status !== 'active')
    throw new CodedError('VALIDATION_FAILED', `segmentId: no active segment ${input.segmentId}`, { field: 'segmentId' });
  const templates = await Promise.all(input.variants.map((variant) => ctx.db.collection('coupon_templates').get(variant.templateId)));
  templates.forEach((template, i) => {
    if (!template || template.status !== 'active')
      throw new CodedError('VALIDATION_FAILED', `variants.${i}.templateId: no active coupon template ${input.variants[i]?.templateId}`, {
        field: `variants.${i}.templateId`,
      });
  });
}

/**
 * Creates a draft campaign, or changes one that is still a draft, with its audit entry in the
 * same transaction. A campaign already launched is INVALID_STATE.
 */
export async function saveCampaign(ctx: RequestContext, input: CampaignDraftInput, admin: TokenClaims): Promise<CampaignDoc> {
  await checkReferences(ctx, input);
  const { campaignId, ...fields } = input;
  const id = campaignId ?? `cmp${randomBytes(8).toString('hex')}`;
  const draft = {
    name: fields.name,
    segmentId: fields.segmentId,
    reason: fields.reason,
    holdoutPercent: fields.holdoutPercent,
    variants: fields.variants,
    sendMessage: fields.sendMessage,
    budget: fields.budget,
    resultDays: fields.resultDays,
    updatedAt: ctx.now,
  };
  const saved = await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('campaigns').doc(id);
    const before = (await ref.get()).data as CampaignDoc | null;
    if (!before) {
      if (campaignId) return { value: null, audit: null };
      const doc: CampaignDoc = {
        _id: id,
        ...draft,
        rule: { join: 'and', groups: [] },
        status: 'draft',
        cursor: null,
        counts: { members: 0, holdout: 0, treated: 0, issued: 0, capped: 0, failed: 0 },
        launchedAt: null,
        results: null,
        finishedAt: null,
        createdBy: admin.sub,
        createdAt: ctx.now,
      };
      const { _id, ...data } = doc;
      await ref.set({ data });
      const audit = {
        actor: adminActor(admin),
        action: 'saveCampaign',
        target: { type: 'campaign', id },
        before: null,
        after: draftView(doc),
      };
      return { value: doc, audit };
    }
    if (before.status !== 'draft')
      throw new CodedError('INVALID_STATE', `campaign ${id} is ${before.status}, not a draft`, { state: before.status });
    await ref.update({ data: draft });
    const after = { ...before, ...draft };
    const audit = {
      actor: adminActor(admin),
      action: 'saveCampaign',
      target: { type: 'campaign', id },
      before: draftView(before),
      after: draftView(after),
    };
    return { value: after, audit };
  });
  if (!saved) throw new CodedError('NOT_FOUND', `no campaign ${id}`);
  return saved;
}
