import type { AdminResponses } from '~/types/functions/admin';
import type { CheckInResult } from '~/types/functions/points';
import type { LedgerEntryDoc } from '~/types/points';

/** What a member is told after checking in, from the check-in's ledger entry. */
export function toCheckInResult(entry: LedgerEntryDoc): CheckInResult {
  const details = entry.details ?? {};
  return {
    day: String(details.day),
    streak: Number(details.streak),
    points: entry.available,
    bonus: Number(details.bonus),
    available: entry.balanceAfter.available,
  };
}

/** What an admin is told after adjusting a member's points, from the adjustment's posting. */
export function toAdjustment({ entry, created }: { entry: LedgerEntryDoc; created: boolean }): AdminResponses['adjustPoints'] {
  return { status: 'posted', entryId: entry._id, available: entry.balanceAfter.available, created };
}
