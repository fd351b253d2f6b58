import { CodedError } from '~/core/coded-error';
import type { TagImportError, TagImportRow } from '~/core/marketing/tag-rules';
import { parseTagImport } from '~/core/marketing/tag-rules';
import type { MemberDoc } from '~/types/documents';
import type { MarketingTagsResponses } from '~/types/functions/marketing-tags';
import type { TokenClaims } from '~/server/admin/credentials';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { assignMemberTags } from './assign-member-tag';

/** Member numbers looked up per query. */
const LOOKUP = 100;
/** Members set per transaction: one definition write (its counts) per chunk instead of per row. */
const CHUNK = 100;
/**
 * How long one call applies rows before answering `done: false` (the function's timeout is 20 s;
 * 5,000 new rows took about 25 s on the local cloud under load): the page sends the same text
 * again, and rows already applied are passed over by one read per 100.
 */
const APPLY_BUDGET_MS = 10_000;

/** The rows whose member does not already hold the asked value, read outside any transaction (100 profiles per query). */
async function rowsToChange<R extends { member: MemberDoc; value: string | null }>(
  ctx: RequestContext,
  tagId: string,
  rows: R[],
): Promise<R[]> {
  const _ = ctx.db.command;
  const held = new Map<string, string | null>();
  for (let i = 0; i < rows.length; i += LOOKUP) {
    const ids = rows.slice(i, i + LOOKUP).map((row) => row.member._id);
    const profiles = await ctx.db.collection('member_profiles').find({ _id: _.in(ids) }, { limit: LOOKUP, fields: ['special'] });
    for (const profile of profiles) held.set(profile._id, profile.special?.[tagId] ?? null);
  }
  return rows.filter((row) => (held.get(row.member._id) ?? null) !== row.value);
}

/** The active members of the given numbers, by number. */
async function membersByNo(ctx: RequestContext, memberNos: string[]): Promise<Map<string, MemberDoc>> {
  const found = new Map<string, MemberDoc>();
  const _ = ctx.db.command;
  for (let i = 0; i < memberNos.length; i += LOOKUP) {
    const slice = memberNos.slice(i, i + LOOKUP);
    const members = await ctx.db.collection('members').find({ memberNo: _.in(slice), status: 'active' }, { limit: LOOKUP });
    for (const member of members) found.set(member.memberNo, member);
  }
  return found;
}

/**
 * An admin sets one tag for many members from CSV text. Every row is checked first (format,
 * allowed value, repeated or unknown member number); in `allOrNothing` mode any bad row refuses
 * the whole import and changes nothing, in `validOnly` mode the good rows are applied and the bad
 * ones reported. Rows are applied in chunks through `assignMemberTags`, each chunk exact and
 * audited per member; rows already as asked change nothing, so a retry after a failure part-way
 * applies the rest and repeats nothing. A call that runs out of time answers `done: false` and
 * the page sends the text again to go on.
 */
export async function importMemberTags(
  ctx: RequestContext,
  input: { tagId: string; text: string; mode: 'allOrNothing' | 'validOnly' },
  admin: TokenClaims,
  clock: () => number = Date.now,
): Promise<MarketingTagsResponses['importMemberTags']> {
  const started = clock();
  const def = await ctx.db.collection('tag_definitions').get(input.tagId);
  if (!def) throw new CodedError('NOT_FOUND', `标签 ${input.tagId} 不存在`);
  if (def.status !== 'active') throw new CodedError('INVALID_STATE', `标签「${def.name}」已归档`);
  const parsed = parseTagImport(input.text, def.values);
  const members = await membersByNo(
    ctx,
    parsed.rows.map((row) => row.memberNo),
  );
  const errors: TagImportError[] = [...parsed.errors];
  const good: (TagImportRow & { member: MemberDoc })[] = [];
  for (const row of parsed.rows) {
    const member = members.get(row.memberNo);
    if (member) good.push({ ...row, member });
    else errors.push({ line: row.line, message: `会员号 ${row.memberNo} 不存在或已注销` });
  }
  errors.sort((a, b) => a.line - b.line);
  if (good.length === 0 && errors.length === 0) throw new CodedError('VALIDATION_FAILED', 'text: CSV 中没有数据行', { field: 'text' });
  if (errors.length > 0 && input.mode === 'allOrNothing') return { applied: 0, unchanged: 0, errors, done: true };

  const todo = await rowsToChange(ctx, def._id, good);
  let applied = 0;
  let done = true;
  const source = { actor: adminActor(admin), action: 'importMemberTags' };
  for (let i = 0; i < todo.length; i += CHUNK) {
    if (clock() - started >= APPLY_BUDGET_MS) {
      done = false;
      break;
    }
    applied += await assignMemberTags(ctx, def._id, todo.slice(i, i + CHUNK), source);
  }
  return { applied, unchanged: done ? good.length - applied : good.length - todo.length, errors, done };
}
