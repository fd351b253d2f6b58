import { planCredit } from '~/core/points/ledger-plans';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/** The ledger key of a person's profile bonus: one per person, whichever account earned it. */
export const profileBonusKey = (personKey: string) => `profile:${personKey}`;

/** Points for completing the profile, once per person (`personKey` survives a deleted account). */
export async function awardProfileBonus(ctx: RequestContext, memberId: string, personKey: string): Promise<PostResult | null> {
  const { programme } = await loadProgramme(ctx);
  if (programme.profileBonusPoints <= 0) return null;
  return postEntry(ctx, {
    key: profileBonusKey(personKey),
    memberId,
    plan: (state) =>
      planCredit(
        state,
        { kind: 'profile', reason: '完善资料奖励', ref: { type: 'profile', id: memberId } },
        programme.profileBonusPoints,
        programme.points.expiryMonths,
      ),
  });
}
