import * as z from 'zod';
import type { TagDefinitionDoc } from '../marketing';
import { marketingToken } from './marketing-token';

const tagId = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, '标签编号须为 1–32 位小写字母、数字、_ 或 -，以字母开头');
const memberId = z.string().min(1, '请指定会员').max(64);
const tagValue = z.string().trim().min(1).max(32);

/** Requests of the `marketing` function's tags actions, each with its `action` literal and the admin's `token`. */
export const marketingTagsRequests = {
  /** Every special tag definition, active first; archived ones only when asked. */
  listTagDefinitions: z.strictObject({
    action: z.literal('listTagDefinitions'),
    token: marketingToken,
    includeArchived: z.boolean().optional(),
  }),
  /**
   * Creates or edits a special tag. On create, `tagId` is the admin's slug (derived from the name
   * when absent), so a retried create finds the tag it made. An edit may not take away a value
   * members hold.
   */
  saveTagDefinition: z.strictObject({
    action: z.literal('saveTagDefinition'),
    token: marketingToken,
    mode: z.enum(['create', 'update']),
    tagId: tagId.optional(),
    name: z.string().trim().min(1, '请填写标签名称').max(16, '标签名称最多 16 个字'),
    values: z.array(z.string().max(64)).max(60),
    staffCanSet: z.boolean(),
  }),
  /** Archives a tag: it leaves the member page and the till; members keep their values for the record. */
  archiveTagDefinition: z.strictObject({ action: z.literal('archiveTagDefinition'), token: marketingToken, tagId }),
  /** A member's special tags: every active definition with the member's value (null: none). */
  getMemberTags: z.strictObject({ action: z.literal('getMemberTags'), token: marketingToken, memberId }),
  /** Sets one special tag of a member, or clears it (null). */
  setMemberTag: z.strictObject({
    action: z.literal('setMemberTag'),
    token: marketingToken,
    memberId,
    tagId,
    value: tagValue.nullable(),
    reason: z.string().trim().max(100, '原因最多 100 个字').optional(),
  }),
  /**
   * Sets one tag for up to 5,000 members from `memberNo,value` CSV text. `allOrNothing` checks
   * every row first and changes nothing if any is bad; `validOnly` applies the good rows and
   * reports the bad ones. Rows already as asked change nothing, so a retry is harmless.
   */
  importMemberTags: z.strictObject({
    action: z.literal('importMemberTags'),
    token: marketingToken,
    tagId,
    text: z.string().min(1, '请粘贴或上传 CSV').max(400_000, 'CSV 过大，请分批导入'),
    mode: z.enum(['allOrNothing', 'validOnly']),
  }),
  /**
   * Sets one tag (one of its values, or null to clear it) for every member of a segment, as the
   * segment's rule finds them now. A long run answers part-way (`done: false`) with `next`: send
   * the same request with `cursor: next` to go on. Members already as asked change nothing, so a
   * rerun is harmless; `requestKey` records the run once however often its start is retried.
   */
  applyTagToSegment: z.strictObject({
    action: z.literal('applyTagToSegment'),
    token: marketingToken,
    tagId,
    value: tagValue.nullable(),
    segmentId: z.string().min(1, '请选择分群').max(80),
    cursor: z.string().min(1).max(80).nullable().optional(),
    requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -'),
  }),
};

/** A special tag definition as the admin page shows it. */
export type TagDefinitionView = TagDefinitionDoc;

/** One of a member's special tags. */
export interface MemberTagView {
  tagId: string;
  name: string;
  values: string[];
  staffCanSet: boolean;
  value: string | null;
}

/** A row of an import that was refused, by its line number in the text. */
export interface TagImportRowError {
  line: number;
  message: string;
}

/** Responses of the `marketing` function's tags actions. */
export interface MarketingTagsResponses {
  listTagDefinitions: { tags: TagDefinitionView[] };
  saveTagDefinition: { tag: TagDefinitionView; created: boolean };
  archiveTagDefinition: { tag: TagDefinitionView };
  getMemberTags: { memberId: string; tags: MemberTagView[] };
  setMemberTag: { tagId: string; value: string | null; changed: boolean };
  /**
   * `applied`: rows that changed a member in this call; `unchanged`: rows already as asked;
   * `errors`: bad rows (nothing applied in allOrNothing mode when any); `done` false: time ran
   * out part-way, send the same text again to apply the rest.
   */
  importMemberTags: { applied: number; unchanged: number; errors: TagImportRowError[]; done: boolean };
  /**
   * This call's part of a run: `applied` members changed, `unchanged` already held the value;
   * `done` false: time ran out, call again with `cursor: next`.
   */
  applyTagToSegment: { done: boolean; next: string | null; applied: number; unchanged: number };
}
