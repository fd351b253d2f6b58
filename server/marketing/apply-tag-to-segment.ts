import { CodedError } from '~/core/coded-error';
import type { MemberDoc } from '~/types/documents';
import type { MarketingTagsResponses } from '~/types/functions/marketing-tags';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { assignMemberTags } from './assign-member-tag';
import { SEGMENT_PAGE_MAX, segmentPage } from './segment-pages';

/** Members read and set per transaction: one definition write (its counts) per chunk. */
const CHUNK = 100;
/**
 * How long one call assigns before answering `done: false` (the function's timeout is 20 s; a
 * chunk of 100 new values takes about half a second on the local cloud under load).
 */
const APPLY_BUDGET_MS = 10_000;

/** Of these members (ids in order), the active ones and whether each already holds `value`: 2 reads. */
async function chunkMembers(
  ctx: RequestContext,
  tagId: string,
  ids: string[],
): Promise<{ members: MemberDoc[]; held: Map<string, string | null> }> {
  const _ = ctx.db.command;
  const [members, profiles] = await Promise.all([
    ctx.db.collection('members').find({ _id: _.in(ids), status: 'active' }, { limit: ids.length }),
    ctx.db.collection('member_profiles').find({ _id: _.in(ids) }, { limit: ids.length, fields: ['special'] }),
  ]);
  const held = new Map(profiles.map((profile) => [profile._id, profile.special?.[tagId] ?? null] as const));
  return { members, held };
}

/**
 * An admin sets one tag (a value, or null to clear it) for every member of a segment. The run
 * pages through the segment from `cursor` (`segmentPage`, up to 1,000 profiles a page, a page
 * possibly empty while there is more) and assigns in chunks of 100 through `assignMemberTags`,
 * each chunk exact and audited per member changed; members already as asked are passed over. A
 * call that runs out of time answers `done: false` and the id after which to go on, so the page
 * calls again with `cursor: next`. The run's start (no cursor) is recorded once under its
 * request key, before anything is assigned.
 */
export async function applyTagToSegment(
  ctx: RequestContext,
  input: { tagId: string; value: string | null; segmentId: string; cursor?: string | null; requestKey: string },
  admin: TokenClaims,
  clock: () => number = Date.now,
): Promise<MarketingTagsResponses['applyTagToSegment']> {
  const started = clock();
  const [def, segment] = await Promise.all([
    ctx.db.collection('tag_definitions').get(input.tagId),
    ctx.db.collection('segments').get(input.segmentId),
  ]);
  if (!def) throw new CodedError('NOT_FOUND', `标签 ${input.tagId} 不存在`);
  if (def.status !== 'active') throw new CodedError('INVALID_STATE', `标签「${def.name}」已归档`);
  if (input.value !== null && !def.values.includes(input.value))
    throw new CodedError('VALIDATION_FAILED', `「${input.value}」不是标签「${def.name}」的可选值`, { field: 'value' });
  if (!segment) throw new CodedError('NOT_FOUND', '分群不存在');
  if (segment.status !== 'active') throw new CodedError('INVALID_STATE', `分群「${segment.name}」已归档`);

  const actor = adminActor(admin);
  let cursor = input.cursor ?? null;
  if (cursor === null) {
    await writeAudit(ctx, {
      _id: `audit:applyTagToSegment:${input.requestKey}`,
      actor,
      action: 'applyTagToSegment',
      target: { type: 'tag', id: def._id },
      after: { tagId: def._id, tagName: def.name, value: input.value, segmentId: segment._id, segmentName: segment.name },
    });
  }
  const source = { actor, action: 'applyTagToSegment', reason: `按分群「${segment.name}」` };
  let applied = 0;
  let unchanged = 0;
  let worked = false;
  const outOfTime = () => worked && clock() - started >= APPLY_BUDGET_MS;
  for (;;) {
    if (outOfTime()) return { done: false, next: cursor, applied, unchanged };
    const page = await segmentPage(ctx, segment.rule, ctx.now, cursor, SEGMENT_PAGE_MAX);
    worked = true;
    for (let i = 0; i < page.memberIds.length; i += CHUNK) {
      // Stopping inside a page: every matching id up to the last one done is done, so it is where to go on.
      if (i > 0 && outOfTime()) return { done: false, next: page.memberIds[i - 1] as string, applied, unchanged };
      const ids = page.memberIds.slice(i, i + CHUNK);
      const { members, held } = await chunkMembers(ctx, def._id, ids);
      const todo = members.filter((member) => (held.get(member._id) ?? null) !== input.value);
      const changed = todo.length
        ? await assignMemberTags(
            ctx,
            def._id,
            todo.map((member) => ({ member, value: input.value })),
            source,
          )
        : 0;
      applied += changed;
      unchanged += members.length - changed;
    }
    if (page.next === null) return { done: true, next: null, applied, unchanged };
    cursor = page.next;
  }
}
