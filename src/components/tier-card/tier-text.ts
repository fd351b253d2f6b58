import type { TierProgressView } from '~/types/functions/member';
import { formatDate } from '~/src/utils/date';
import { formatYuan } from '~/core/money/format';

/** Share of the way from the current tier's entry spend to the next tier's, 0–100. */
export function progressPercent(view: TierProgressView): number {
  if (!view.next) return 100;
  const from = view.ladder.find((tier) => tier.id === view.current.id)?.entrySpendFen ?? 0;
  const span = view.next.entrySpendFen - from;
  if (span <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor(((view.spendFen - from) / span) * 100)));
}

/** What it takes to reach the next tier. */
export function nextTierText(view: TierProgressView): string {
  if (!view.next) return `你已是最高等级「${view.current.name}」`;
  if (view.toNextFen === 0) return `已达到「${view.next.name}」标准，即将为你升级`;
  return `再消费 ${formatYuan(view.toNextFen)} 升级为「${view.next.name}」`;
}

/** What it takes to keep the current tier at the next review, with the review date. */
export function keepTierText(view: TierProgressView): string {
  const entryTier = view.ladder[0]?.id === view.current.id;
  if (entryTier) return `「${view.current.name}」长期有效，无需保级`;
  const review = formatDate(view.reviewAt);
  if (view.toKeepFen === 0) return `已满足保级条件，下次评审日 ${review}`;
  return `${review} 评审前再消费 ${formatYuan(view.toKeepFen)} 即可保级`;
}

/** When a member short of the keep threshold would move down, once the grace period has passed. */
export function downgradeText(view: TierProgressView): string | null {
  if (view.downgradeAt === null) return null;
  return `如评审时仍未达标，宽限期后（${formatDate(view.downgradeAt)}）将调整为下一等级`;
}
