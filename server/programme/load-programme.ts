import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { ProgrammeSettings, TierDoc } from '~/types/programme';
import type { RequestContext } from '../runtime/wx';

/**
 * How long an instance keeps the programme it read. Admin edits reach every instance within
 * this time; each read would otherwise cost a database round trip on every request.
 */
const CACHE_MS = 30_000;

let cached: { at: number; programme: ProgrammeSettings; tiers: TierDoc[] } | null = null;

/** The programme settings and tiers as stored (the defaults until an admin installs them). */
export async function loadProgramme(ctx: RequestContext): Promise<{ programme: ProgrammeSettings; tiers: TierDoc[] }> {
  if (cached && ctx.now - cached.at < CACHE_MS && ctx.now >= cached.at) return cached;
  const [programme, tiers] = await Promise.all([
    ctx.db.collection('settings').get('programme'),
    ctx.db.collection('tiers').find({}, { orderBy: [['rank', 'asc']], limit: 20 }),
  ]);
  cached = { at: ctx.now, programme: programme ?? DEFAULT_PROGRAMME, tiers: tiers.length ? tiers : [...DEFAULT_TIERS] };
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
