import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import { ladderOf } from '~/core/programme/draft';
import type { CurrentProgramme, ProgrammeVersionView } from '~/types/functions/admin-programme';
import type { ProgrammeSnapshot, ProgrammeVersionDoc } from '~/types/programme';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';

/** The `_id` of a version. */
export const versionId = (version: number) => `v${version}`;

/** The request key of version 1, the rules stored before the first change. */
export const BASELINE_KEY = 'baseline-stored-rules';

/** The settings and tiers documents as stored (the defaults until they are installed). */
export async function storedProgramme(ctx: RequestContext): Promise<ProgrammeSnapshot> {
  const [programme, tiers] = await Promise.all([
    ctx.db.collection('settings').get('programme'),
    ctx.db.collection('tiers').find({}, { orderBy: [['rank', 'asc']], limit: 20 }),
  ]);
  return { programme: programme ?? DEFAULT_PROGRAMME, tiers: tiers.length ? tiers : [...DEFAULT_TIERS] };
}

/** The published version in effect at `at`: the one with the latest effective time at or before it (the later version on a tie). */
export async function versionInEffect(ctx: RequestContext, at: EpochMs): Promise<ProgrammeVersionDoc | null> {
  const [found] = await ctx.db.collection('programme_versions').find(
    { status: 'published', effectiveAt: ctx.db.command.lte(at) },
    {
      orderBy: [
        ['effectiveAt', 'desc'],
        ['version', 'desc'],
      ],
      limit: 1,
    },
  );
  return found ?? null;
}

/** Published versions that take effect after `at`, soonest first. */
export async function scheduledVersions(ctx: RequestContext, at: EpochMs, limit = 50): Promise<ProgrammeVersionDoc[]> {
  return ctx.db.collection('programme_versions').find(
    { status: 'published', effectiveAt: ctx.db.command.gt(at) },
    {
      orderBy: [
        ['effectiveAt', 'asc'],
        ['version', 'asc'],
      ],
      limit,
    },
  );
}

/** The rules in effect at `at`, as a version or (version 0) the stored rules while none has been published. */
export async function currentProgramme(ctx: RequestContext, at: EpochMs): Promise<CurrentProgramme> {
  const version = await versionInEffect(ctx, at);
  if (version) return snapshotOf(version);
  return { version: 0, effectiveAt: null, ...(await storedProgramme(ctx)) };
}

/** A version's tiers, lowest first. */
export const ladderOfVersion = (doc: ProgrammeVersionDoc) => ladderOf(doc.tiers);

/** A version's rules with its number and effective time, tiers lowest first. */
export function snapshotOf(doc: ProgrammeVersionDoc): CurrentProgramme {
  return { version: doc.version, effectiveAt: doc.effectiveAt, programme: doc.programme, tiers: ladderOf(doc.tiers) };
}

/** A version as the admin page shows it. */
export function versionView({ _id: _id, requestKey: _key, ...view }: ProgrammeVersionDoc): ProgrammeVersionView {
  return { ...view, tiers: ladderOf(view.tiers) };
}

/** The highest version number given out, cancelled versions included (0 before the first). */
export async function topVersionNumber(ctx: RequestContext): Promise<number> {
  const [top] = await ctx.db.collection('programme_versions').find({}, { orderBy: [['version', 'desc']], limit: 1, fields: ['version'] });
  return top?.version ?? 0;
}

/** The published version with the highest number: the one a new version follows (null before the first). */
export async function latestPublished(ctx: RequestContext): Promise<ProgrammeVersionDoc | null> {
  const [latest] = await ctx.db
    .collection('programme_versions')
    .find({ status: 'published' }, { orderBy: [['version', 'desc']], limit: 1 });
  return latest ?? null;
}

/**
 * Records the stored rules as version 1 (in effect since the beginning) before the first change,
 * so they stay in the history and can be restored. Its fixed id makes a repeat, or two first
 * changes at once, insert it once.
 */
export async function ensureBaseline(ctx: RequestContext): Promise<void> {
  if ((await topVersionNumber(ctx)) > 0) return;
  const stored = await storedProgramme(ctx);
  await ctx.db.collection('programme_versions').insert({
    _id: versionId(1),
    version: 1,
    ...stored,
    effectiveAt: 0,
    status: 'published',
    author: 'system',
    createdAt: ctx.now,
    note: '启用版本管理前的规则',
    basedOn: null,
    restoredFrom: null,
    requestKey: BASELINE_KEY,
    cancelledAt: null,
    cancelledBy: null,
  });
}
