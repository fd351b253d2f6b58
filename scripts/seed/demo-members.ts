import { DAY_MS, HOUR_MS } from '~/core/calendar/durations';
import { newMember } from '~/core/members/new-member';
import { planCredit } from '~/core/points/ledger-plans';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import { firstReviewLookAt } from '~/core/tiers/review';
import type { MemberDoc } from '~/types/documents';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';

const NICKNAMES = [
  '林小满',
  '陈一一',
  '周末的猫',
  '王大锤',
  '李晓雨',
  '赵清欢',
  '孙悟空不空',
  '吴知夏',
  '郑好',
  '冯半夏',
  '褚秋',
  '卫子衿',
  '蒋南风',
  '沈知意',
  '韩梅梅',
  '杨柳依',
  '朱砂',
  '秦时月',
  '尤加利',
  '许愿池',
  '何以笙',
  '吕小布',
  '施然',
  '张三丰',
];
const TIERS = ['normal', 'normal', 'normal', 'silver', 'silver', 'gold', 'diamond'];

export interface DemoData {
  members: MemberDoc[];
  entries: LedgerEntryDoc[];
  lots: PointLotDoc[];
}

/**
 * Demo members for a fresh local cloud, as a brand would import them when moving from another
 * system: each with a migrated points balance, posted as a ledger entry so the books reconcile.
 * Deterministic, so every fresh start shows the same data.
 */
export function demoData(now: number): DemoData {
  const data: DemoData = { members: [], entries: [], lots: [] };
  NICKNAMES.forEach((nickname, i) => {
    const joinedAt = now - (i * 13 + 2) * DAY_MS - i * HOUR_MS;
    const member = newMember({
      _id: `mdemo${String(i + 1).padStart(4, '0')}`,
      openid: `odemo-member-${String(i + 1).padStart(4, '0')}`,
      memberNo: String(2_000_000_000 + i * 7_654_321),
      nickname,
      now: joinedAt,
    });
    member.tierId = TIERS[i % TIERS.length] as string;
    // Migrated tiers are reviewed a year after joining, like a tier reached that day.
    const tier = DEFAULT_TIERS.find((candidate) => candidate._id === member.tierId);
    member.tierReviewAt = tier ? firstReviewLookAt(tier, member.tierSince, DEFAULT_PROGRAMME.tierReview) : null;
    const points = ((i * 7919) % 4000) + 50;
    const posting = planCredit(
      { memberId: member._id, points: member.points, lots: new Map(), now: joinedAt },
      { kind: 'adjust', reason: '会员迁移积分', ref: { type: 'admin', id: 'migration' } },
      points,
      DEFAULT_PROGRAMME.points.expiryMonths,
    );
    member.points = posting.points;
    data.members.push(member);
    data.entries.push({ ...posting.entry, _id: `adjust:migration:${member._id}`, createdAt: joinedAt });
    data.lots.push(...posting.lots);
  });
  return data;
}
