import type { CampaignDoc, Estimate } from '~/types/campaigns';
import { formatFen } from '~/core/money/format';

/** A campaign's status as operators read it, with its tag colour. */
export const CAMPAIGN_STATUS: Record<CampaignDoc['status'], { text: string; color: string }> = {
  draft: { text: '草稿', color: 'default' },
  freezing: { text: '圈定人群中', color: 'processing' },
  sending: { text: '发放中', color: 'processing' },
  sent: { text: '已发放', color: 'success' },
  stopped: { text: '已停止', color: 'warning' },
};

/** The groups of a campaign, as the results table names them. */
export const GROUP_NAMES: Record<string, string> = { holdout: '对照组', A: '方案 A', B: '方案 B', C: '方案 C', treated: '全部处理组' };

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A share with its interval, e.g. `12.5%（8.1%–18.7%）`; a dash when unknown. */
export function shareText(estimate: Estimate | null): string {
  if (!estimate || estimate.value === null) return '—';
  if (estimate.low === null || estimate.high === null) return percent(estimate.value);
  return `${percent(estimate.value)}（${percent(estimate.low)}–${percent(estimate.high)}）`;
}

/** An amount in fen with its interval, e.g. `¥12.00（¥-3.10–¥27.10）`. */
export function moneyText(estimate: Estimate | null): string {
  if (!estimate || estimate.value === null) return '—';
  const fen = (value: number) => formatFen(Math.round(value));
  if (estimate.low === null || estimate.high === null) return fen(estimate.value);
  return `${fen(estimate.value)}（${fen(estimate.low)} – ${fen(estimate.high)}）`;
}

/** A ratio with its interval, e.g. `2.31（-0.40–5.02）`. */
export function ratioText(estimate: Estimate | null): string {
  if (!estimate || estimate.value === null) return '—';
  const fixed = (value: number) => value.toFixed(2);
  if (estimate.low === null || estimate.high === null) return fixed(estimate.value);
  return `${fixed(estimate.value)}（${fixed(estimate.low)} – ${fixed(estimate.high)}）`;
}
