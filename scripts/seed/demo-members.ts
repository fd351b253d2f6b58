import type { MemberDoc } from '~/types/documents';

const NICKNAMES = [
  '林小满', '陈一一', '周末的猫', '王大锤', '李晓雨', '赵清欢', '孙悟空不空', '吴知夏', '郑好', '冯半夏',
  '褚秋', '卫子衿', '蒋南风', '沈知意', '韩梅梅', '杨柳依', '朱砂', '秦时月', '尤加利', '许愿池',
  '何以笙', '吕小布', '施然', '张三丰',
];
const TIERS = ['normal', 'normal', 'normal', 'silver', 'silver', 'gold', 'diamond'];
const DAY = 24 * 60 * 60 * 1000;

/**
 * Demo members for a fresh local cloud, as a brand would import them from a CSV in the cloud
 * console. Deterministic, so every fresh start shows the same table.
 */
export function demoMembers(now: number): MemberDoc[] {
  return NICKNAMES.map((nickname, i) => {
    const joinedAt = now - (i * 13 + 2) * DAY - i * 3_600_000;
    const available = ((i * 7919) % 4000) + 50;
    return {
      _id: `mdemo${String(i + 1).padStart(4, '0')}`,
      openid: `odemo-member-${String(i + 1).padStart(4, '0')}`,
      memberNo: String(2_000_000_000 + i * 7_654_321),
      nickname,
      avatarUrl: '',
      tierId: TIERS[i % TIERS.length] as string,
      points: { available, pending: i % 3 === 0 ? 120 : 0, lifetimeEarned: available + 500 },
      joinedAt,
      updatedAt: joinedAt,
    };
  });
}
