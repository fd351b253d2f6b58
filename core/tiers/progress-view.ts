import type { TierChangeDoc } from '~/types/documents';
import type { TierProgressView } from '~/types/functions/member';
import type { TierDoc } from '~/types/programme';
import type { TierProgress } from './progress';

/** What the member centre shows of a member's tier: progress, the ladder of perks, and the history. */
export function toTierProgressView(
  progress: TierProgress,
  ladder: readonly TierDoc[],
  history: readonly TierChangeDoc[],
): TierProgressView {
  const { current, next } = progress;
  return {
    current: { id: current._id, name: current.name, perks: current.perks },
    next: next && { id: next._id, name: next.name, entrySpendFen: next.entrySpendFen },
    spendFen: progress.spendFen,
    toNextFen: progress.toNextFen,
    toKeepFen: progress.toKeepFen,
    reviewAt: progress.reviewAt,
    downgradeAt: progress.downgradeAt,
    ladder: ladder.map((tier) => ({ id: tier._id, name: tier.name, entrySpendFen: tier.entrySpendFen, perks: tier.perks })),
    history: history.map((change) => ({ from: change.from, to: change.to, reason: change.reason, at: change.at })),
  };
}
