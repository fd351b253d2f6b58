import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import type { CampaignVariant } from '~/types/campaigns';
import type { CampaignGroup } from '~/types/marketing';

/** Two independent fractions in [0, 1) from the hash: bytes 0–5 decide holdout, bytes 6–11 the variant. */
function fractions(campaignId: string, memberId: string): [number, number] {
  const hash = sha256(utf8ToBytes(`${campaignId}\u0000${memberId}`));
  const slice = (from: number) => {
    let value = 0;
    for (let i = from; i < from + 6; i += 1) value = value * 256 + (hash[i] as number);
    return value / 2 ** 48;
  };
  return [slice(0), slice(6)];
}

/**
 * The group of a member in a campaign, the same on every run: holdout when the first slice of
 * SHA-256(campaignId, memberId) falls below holdoutPercent / 100, else the variant whose share of
 * [0, 100) the second, independent slice falls in (variants' percents add up to 100).
 */
export function campaignGroup(
  campaignId: string,
  memberId: string,
  holdoutPercent: number,
  variants: readonly Pick<CampaignVariant, 'key' | 'percent'>[],
): CampaignGroup {
  const [held, pick] = fractions(campaignId, memberId);
  if (held < holdoutPercent / 100) return 'holdout';
  let upTo = 0;
  for (const variant of variants) {
    upTo += variant.percent;
    if (pick * 100 < upTo) return variant.key;
  }
  const last = variants.at(-1);
  if (!last) throw new Error('a campaign needs at least one variant');
  return last.key;
}
