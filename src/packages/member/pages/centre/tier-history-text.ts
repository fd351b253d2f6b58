import type { TierProgressView } from '~/types/functions/member';

const REASON_TEXT: Record<string, string> = {
  upgrade: '消费达标升级',
  review: '等级评审调整',
  admin: '客服调整',
};

/** One tier change in words: 「普通会员 → 银卡会员」 and why. */
export function tierChangeText(
  change: TierProgressView['history'][number],
  ladder: TierProgressView['ladder'],
): { move: string; reason: string } {
  const name = (id: string) => ladder.find((tier) => tier.id === id)?.name ?? id;
  return { move: `${name(change.from)} → ${name(change.to)}`, reason: REASON_TEXT[change.reason] ?? change.reason };
}
