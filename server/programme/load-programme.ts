import { PROGRAMME_CACHE_MS } from '~/core/programme/effective-time';
import type { ProgrammeSettings, TierDoc } from '~/types/programme';
import type { RequestContext } from '../runtime/wx';
import { ladderOfVersion, scheduledVersions, storedProgramme, versionInEffect } from './programme-versions';

/**
 * The programme an instance read, from `at` until `until`: at most PROGRAMME_CACHE_MS (admin
 * changes reach every instance within it; each read would otherwise cost database round trips
 * on every request), and never past the moment the next scheduled version takes effect.
 */
let cached: { at: number; until: number; programme: ProgrammeSettings; tiers: TierDoc[] } | null = null;

/**
 * The programme settings and tiers in effect now: the published version with the latest
 * effective time at or before now, or the stored documents (the defaults until an admin
 * installs them) while no version has been published.
 */
export async function loadProgramme(ctx: RequestContext): Promise<{ programme: ProgrammeSettings; tiers: TierDoc[] }> {
  if (cached && ctx.now >= cached.at && ctx.now < cached.until) return cached;
  const [version, [next]] = await Promise.all([versionInEffect(ctx, ctx.now), scheduledVersions(ctx, ctx.now, 1)]);
  const { programme, tiers } = version ? { programme: version.programme, tiers: ladderOfVersion(version) } : await storedProgramme(ctx);
  cached = { at: ctx.now, until: Math.min(ctx.now + PROGRAMME_CACHE_MS, next?.effectiveAt ?? Infinity), programme, tiers };
  return cached;
}

/** Forgets the cached programme (after an admin edit in this instance, and in tests). */
export function forgetProgramme(): void {
  cached = null;
}

/** A member's tier, or the entry tier if the id is unknown. */
export function tierOf(tiers: TierDoc[], tierId: string): TierDoc {
  return tiers.find((tier) => tier._id === tierId) ?? (tiers[0] as TierDoc);
}
