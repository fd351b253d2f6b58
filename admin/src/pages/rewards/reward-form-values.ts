import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { AdminRewardRow } from '~/types/functions/admin-rewards';
import { REWARD_LIMITS, REWARD_IMAGE_PATTERN } from '~/types/functions/admin-rewards';
import type { AdminPayload } from '../../api/client';
import type { RewardDoc } from '~/types/rewards';
import { formatFen } from '~/core/money/format';
import { PROGRAMME_TIME_ZONE, endOfShanghaiDay } from '../../format/format-time';
import { parseYuan } from '../../format/parse-yuan';

export { REWARD_LIMITS, REWARD_IMAGE_PATTERN };

/** A reward id: 1–48 lower-case letters, digits or -, starting with a letter or digit. */
export const REWARD_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** The reward form as the admin fills it in: money as yuan text, the window as Shanghai days. */
export interface RewardFormValues {
  rewardId: string;
  title: string;
  description?: string;
  imageUrl?: string;
  category: string;
  kind: RewardDoc['kind'];
  pointsCost: number | null;
  /** 到店支付 in yuan, for 积分+现金. */
  cash?: string;
  couponTemplateId?: string;
  perMemberLimit: number | null;
  /** First and last day it can be redeemed (either may be open). */
  window?: [Dayjs | null, Dayjs | null] | null;
  /** '' = every tier. */
  minTierId: string;
  sort: number | null;
  initialStock: number | null;
}

const dayOf = (at: number) => dayjs(at).tz(PROGRAMME_TIME_ZONE);

/** The form's first values: the reward's, or a new pickup reward's. */
export function formValuesOf(reward: AdminRewardRow | null): RewardFormValues {
  if (reward === null)
    return {
      rewardId: '',
      title: '',
      description: '',
      imageUrl: '',
      category: '',
      kind: 'pickup',
      pointsCost: null,
      cash: '',
      perMemberLimit: 1,
      window: null,
      minTierId: '',
      sort: 0,
      initialStock: null,
    };
  return {
    rewardId: reward._id,
    title: reward.title,
    description: reward.description,
    imageUrl: reward.imageUrl,
    category: reward.category,
    kind: reward.kind,
    pointsCost: reward.pointsCost,
    cash: reward.kind === 'pointsCash' ? formatFen(reward.cashFen).replace(/^¥/, '') : '',
    ...(reward.couponTemplateId ? { couponTemplateId: reward.couponTemplateId } : {}),
    perMemberLimit: reward.perMemberLimit,
    window:
      reward.availableFrom === null && reward.availableTo === null
        ? null
        : [
            reward.availableFrom === null ? null : dayOf(reward.availableFrom),
            reward.availableTo === null ? null : dayOf(reward.availableTo),
          ],
    minTierId: reward.minTierId ?? '',
    sort: reward.sort,
    initialStock: reward.totalStock,
  };
}

/** The cash part typed in yuan as fen; null when it is not an amount. */
export const cashFenOf = (text: string | undefined): number | null => parseYuan(text ?? '');

/** What saveReward is sent for the form's values. */
export function payloadOf(values: RewardFormValues, mode: 'create' | 'update'): Omit<AdminPayload<'saveReward'>, 'token'> {
  const [from, to] = values.window ?? [null, null];
  return {
    mode,
    rewardId: values.rewardId.trim(),
    title: values.title.trim(),
    description: (values.description ?? '').trim(),
    imageUrl: (values.imageUrl ?? '').trim(),
    category: values.category.trim(),
    kind: values.kind,
    pointsCost: values.pointsCost ?? 0,
    cashFen: values.kind === 'pointsCash' ? (cashFenOf(values.cash) ?? 0) : 0,
    couponTemplateId: values.kind === 'coupon' ? (values.couponTemplateId ?? null) : null,
    perMemberLimit: values.perMemberLimit ?? 1,
    availableFrom: from ? dayjs.tz(`${from.format('YYYY-MM-DD')} 00:00:00`, PROGRAMME_TIME_ZONE).valueOf() : null,
    availableTo: to ? endOfShanghaiDay(to.format('YYYY-MM-DD')) : null,
    minTierId: values.minTierId === '' ? null : values.minTierId,
    sort: values.sort ?? 0,
    initialStock: mode === 'create' ? (values.initialStock ?? 0) : 0,
  };
}
