import type { Dayjs } from 'dayjs';
import { DAY_MS } from '~/core/calendar/durations';
import { startOfDay } from '~/core/calendar/shanghai';
import { templateProblems } from '~/core/coupons/template-rules';
import type { CouponChannel, CouponKind, CouponTerms, CouponValidity } from '~/types/coupons';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import type { EpochMs } from '~/types/units';

/** What the 新建优惠券 dialog edits: amounts as the yuan text typed, a discount in 折, days and counts as numbers. */
export interface TemplateFormValues {
  /** Blank for a generated id. */
  templateId: string;
  title: string;
  description: string;
  kind: CouponKind;
  /** Minimum goods subtotal in yuan; blank or 0 for none. */
  thresholdYuan: string;
  /** Amount off in yuan, for a cash coupon. */
  amountYuan: string;
  /** The discount as customers read it, for a percent coupon: `8.5` for 8.5折 (15 % off). */
  zhe: string;
  /** Most a percent coupon takes off, in yuan; blank for no cap. */
  capYuan: string;
  validityType: CouponValidity['type'];
  days: number | null;
  /** First and last Shanghai day of a fixed window, both whole days. */
  range: [Dayjs, Dayjs] | null;
  unlimited: boolean;
  totalStock: number | null;
  perMemberLimit: number | null;
  stackingGroup: string;
  audienceType: CouponTemplateInput['audience']['type'];
  tierId: string | undefined;
  withinDays: number | null;
  channel: CouponChannel;
  status: CouponTemplateInput['status'];
}

/** A new template starts as a 领券中心 满减 coupon for everyone, valid 7 days from claim, 1,000 in stock, one per member. */
export const TEMPLATE_FORM_DEFAULTS: TemplateFormValues = {
  templateId: '',
  title: '',
  description: '',
  kind: 'cash',
  thresholdYuan: '0',
  amountYuan: '',
  zhe: '',
  capYuan: '',
  validityType: 'relative',
  days: 7,
  range: null,
  unlimited: false,
  totalStock: 1000,
  perMemberLimit: 1,
  stackingGroup: 'default',
  audienceType: 'all',
  tierId: undefined,
  withinDays: 30,
  channel: 'centre',
  status: 'active',
};

/** The most a coupon amount may be: the schema's 100,000,000 fen. */
const MAX_FEN = 100_000_000;
const YUAN = /^(\d{1,7})(?:\.(\d{1,2}))?$/;
const ZHE = /^(\d)(?:\.(\d))?$/;

/** Yuan typed as text (`59`, `9.9`, `0.05`) as whole fen, by digits rather than floating point; null when it is not an amount. */
export function yuanTextToFen(text: string): number | null {
  const match = YUAN.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** A discount typed in 折 (`8.5`) as the percent off it means (15); null outside 0.1–9.9折. */
export function zheToPercentOff(text: string): number | null {
  const match = ZHE.exec(text.trim());
  if (!match) return null;
  const tenths = Number(match[1]) * 10 + Number(match[2] ?? '0');
  return tenths >= 1 && tenths <= 99 ? 100 - tenths : null;
}

/** Form rules shared by the amount fields: a yuan amount with at most two decimals. */
export function checkYuan(text: string | undefined, { required, positive }: { required: boolean; positive: boolean }): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return required ? '请填写金额' : null;
  const fen = yuanTextToFen(trimmed);
  if (fen === null) return '请填写金额，最多两位小数，不超过 1,000,000 元';
  if (positive && fen === 0) return '金额须大于 0';
  return null;
}

function termsOf(values: TemplateFormValues): CouponTerms {
  const thresholdFen = yuanTextToFen(values.thresholdYuan || '0') ?? 0;
  switch (values.kind) {
    case 'cash':
      return { kind: 'cash', thresholdFen, amountFen: yuanTextToFen(values.amountYuan) ?? 0 };
    case 'percent':
      return {
        kind: 'percent',
        thresholdFen,
        percentOff: zheToPercentOff(values.zhe) ?? 0,
        capFen: values.capYuan.trim() === '' ? null : (yuanTextToFen(values.capYuan) ?? 0),
      };
    case 'shipping':
      return { kind: 'shipping', thresholdFen };
  }
}

/** A fixed window from the first instant of its first Shanghai day to the last millisecond of its last. */
function windowOf(range: [Dayjs, Dayjs]): { from: EpochMs; to: EpochMs } {
  return { from: startOfDay(range[0].format('YYYY-MM-DD')), to: startOfDay(range[1].format('YYYY-MM-DD')) + DAY_MS - 1 };
}

/** The createCouponTemplate payload for form values that passed the form's own checks. */
export function toTemplateInput(values: TemplateFormValues): CouponTemplateInput {
  const templateId = values.templateId.trim();
  const validity: CouponValidity =
    values.validityType === 'fixed' && values.range
      ? { type: 'fixed', ...windowOf(values.range) }
      : { type: 'relative', days: values.days ?? 0 };
  const audience: CouponTemplateInput['audience'] =
    values.audienceType === 'minTier'
      ? { type: 'minTier', tierId: values.tierId ?? '' }
      : values.audienceType === 'newMembers'
        ? { type: 'newMembers', withinDays: values.withinDays ?? 0 }
        : { type: 'all' };
  return {
    ...(templateId ? { templateId } : {}),
    title: values.title.trim(),
    description: values.description.trim(),
    terms: termsOf(values),
    validity,
    totalStock: values.unlimited ? null : (values.totalStock ?? 0),
    perMemberLimit: values.perMemberLimit ?? 1,
    stackingGroup: values.stackingGroup.trim(),
    audience,
    channel: values.channel,
    status: values.status,
  };
}

/** A rule across fields that the input breaks, in Chinese, on the form field to fix (null: on the whole form). */
export interface FormProblem {
  name: keyof TemplateFormValues | null;
  message: string;
}

/**
 * The checks of core/coupons/template-rules that the server makes before it creates a
 * template, worded for the form: a 满减 amount below its threshold, a window not over already,
 * a tier the programme has.
 */
export function formProblems(input: CouponTemplateInput, now: EpochMs, isTier: (tierId: string) => boolean): FormProblem[] {
  return templateProblems(input, now, isTier).map(({ field, message }): FormProblem => {
    switch (field) {
      case 'terms.amountFen':
        return { name: 'amountYuan', message: '优惠金额须小于使用门槛（门槛填 0 表示无门槛）' };
      case 'validity.to':
        return { name: 'range', message: message === 'is already past' ? '结束日期已过，请重新选择' : '结束日期须晚于开始日期' };
      case 'audience.tierId':
        return { name: 'tierId', message: '请选择会员等级' };
      default:
        return { name: null, message: `${field}: ${message}` };
    }
  });
}
