import type { RewardDoc } from '~/types/rewards';
import type { AdminRewardRow, RewardInput } from '~/types/functions/admin-rewards';
import type { EpochMs } from '~/types/units';

/** What the admin form sets on a reward: everything but its stock, shelf state and times. */
export type RewardFields = Omit<RewardDoc, '_id' | 'totalStock' | 'stockRemaining' | 'status' | 'createdAt' | 'updatedAt'>;

/** The fields an input sets, in the document's shape. */
export function rewardFieldsOf(input: RewardInput): RewardFields {
  return {
    title: input.title,
    description: input.description,
    imageUrl: input.imageUrl,
    category: input.category,
    kind: input.kind,
    pointsCost: input.pointsCost,
    cashFen: input.kind === 'pointsCash' ? input.cashFen : 0,
    couponTemplateId: input.kind === 'coupon' ? input.couponTemplateId : null,
    perMemberLimit: input.perMemberLimit,
    availableFrom: input.availableFrom,
    availableTo: input.availableTo,
    minTierId: input.minTierId,
    sort: input.sort,
  };
}

/** A new reward from the admin form: off the shelf (上架 puts it in the points mall), its stock full. */
export function buildRewardDoc(input: RewardInput, now: EpochMs): RewardDoc {
  return {
    _id: input.rewardId,
    ...rewardFieldsOf(input),
    totalStock: input.initialStock,
    stockRemaining: input.initialStock,
    status: 'paused',
    createdAt: now,
    updatedAt: now,
  };
}

const FIELD_NAMES: readonly (keyof RewardFields)[] = [
  'title',
  'description',
  'imageUrl',
  'category',
  'kind',
  'pointsCost',
  'cashFen',
  'couponTemplateId',
  'perMemberLimit',
  'availableFrom',
  'availableTo',
  'minTierId',
  'sort',
];

/** The form fields on which two rewards differ (empty: the same reward as far as the form goes). */
export function changedRewardFields(a: RewardFields, b: RewardFields): (keyof RewardFields)[] {
  return FIELD_NAMES.filter((name) => a[name] !== b[name]);
}

/** A reward's form fields only, for audit entries. */
export function rewardFieldsView(reward: RewardDoc): RewardFields {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, reward[name]])) as unknown as RewardFields;
}

/** A reward as the admin list shows it: with the units redeemed (taken out of its stock and not given back). */
export function toAdminRewardRow(reward: RewardDoc): AdminRewardRow {
  return { ...reward, redeemedCount: Math.max(0, reward.totalStock - reward.stockRemaining) };
}
