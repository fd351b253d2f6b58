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
 * applies the rest and repeats nothing.
 */
export async function importMemberTags(
  ctx: RequestContext,
  input: { tagId: string; text: string; mode: 'allOrNothing' | 'validOnly' },
  admin: TokenClaims,
): Promise<MarketingTagsResponses['importMemberTags']> {
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
  if (errors.length > 0 && input.mode === 'allOrNothing') return { applied: 0, unchanged: 0, errors };

  let applied = 0;
  const source = { actor: adminActor(admin), action: 'importMemberTags' };
  for (let i = 0; i < good.length; i += CHUNK) {
    applied += await assignMemberTags(ctx, def._id, good.slice(i, i + CHUNK), source);
  }
  return { applied, unchanged: good.length - applied, errors };
}
