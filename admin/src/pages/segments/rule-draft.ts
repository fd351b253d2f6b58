import type { AgeBand, LifecycleStage, SegmentCondition, SegmentRule } from '~/types/marketing';
import { AGE_BANDS, LIFECYCLE_STAGES } from '~/types/marketing';

/** What one condition row of the builder tests. */
export type ConditionType =
  | 'tierId'
  | 'stage'
  | 'gender'
  | 'ageBand'
  | 'province'
  | 'city'
  | 'homeStoreId'
  | 'preferredCategory'
  | 'special'
  | 'birthdayMonth'
  | 'rfmR'
  | 'rfmF'
  | 'rfmM'
  | 'spend30Fen'
  | 'spend90Fen'
  | 'spend365Fen'
  | 'lastPurchaseDays'
  | 'purchases'
  | 'checkIns30'
  | 'couponUseRate'
  | 'marketing'
  | 'personalised';

type RangeField = Extract<SegmentCondition, { kind: 'range' }>['field'];
type ListField = Extract<SegmentCondition, { kind: 'list' }>['field'];

interface TypeInfo {
  label: string;
  kind: 'list' | 'special' | 'birthdayMonth' | 'range' | 'flag';
  /** For a range: the unit shown beside the inputs; `yuan` ranges are typed in yuan and kept in fen. */
  unit?: string;
  yuan?: boolean;
}

/** The condition types in the order the builder offers them, with their Chinese labels. */
export const CONDITION_TYPES: Record<ConditionType, TypeInfo> = {
  tierId: { label: '会员等级', kind: 'list' },
  stage: { label: '生命周期阶段', kind: 'list' },
  gender: { label: '性别', kind: 'list' },
  ageBand: { label: '年龄段', kind: 'list' },
  province: { label: '省份', kind: 'list' },
  city: { label: '城市', kind: 'list' },
  homeStoreId: { label: '常去门店', kind: 'list' },
  preferredCategory: { label: '偏好品类', kind: 'list' },
  special: { label: '特殊标签', kind: 'special' },
  birthdayMonth: { label: '生日月份', kind: 'birthdayMonth' },
  rfmR: { label: 'R 分（最近消费，1–5）', kind: 'range', unit: '分' },
  rfmF: { label: 'F 分（消费频次，1–5）', kind: 'range', unit: '分' },
  rfmM: { label: 'M 分（消费金额，1–5）', kind: 'range', unit: '分' },
  spend30Fen: { label: '近 30 天消费', kind: 'range', unit: '元', yuan: true },
  spend90Fen: { label: '近 90 天消费', kind: 'range', unit: '元', yuan: true },
  spend365Fen: { label: '近 365 天消费', kind: 'range', unit: '元', yuan: true },
  lastPurchaseDays: { label: '距上次消费天数', kind: 'range', unit: '天' },
  purchases: { label: '消费次数', kind: 'range', unit: '次' },
  checkIns30: { label: '近 30 天签到次数', kind: 'range', unit: '次' },
  couponUseRate: { label: '用券率', kind: 'range', unit: '%' },
  marketing: { label: '接收营销消息', kind: 'flag' },
  personalised: { label: '接受个性化推荐', kind: 'flag' },
};

export const STAGE_TEXT: Record<LifecycleStage, string> = {
  new: '新会员',
  active: '活跃',
  dormant: '沉睡',
  churned: '流失',
  wonBack: '已召回',
};
export const AGE_BAND_TEXT: Record<AgeBand, string> = {
  under18: '18 岁以下',
  '18-24': '18–24 岁',
  '25-29': '25–29 岁',
  '30-34': '30–34 岁',
  '35-39': '35–39 岁',
  '40-49': '40–49 岁',
  '50plus': '50 岁及以上',
};
export const GENDER_TEXT = { male: '男', female: '女', unknown: '未知' } as const;

/** The fixed choices of list types that have them. */
export const FIXED_CHOICES: Partial<Record<ConditionType, { value: string; label: string }[]>> = {
  stage: LIFECYCLE_STAGES.map((value) => ({ value, label: STAGE_TEXT[value] })),
  gender: (['male', 'female', 'unknown'] as const).map((value) => ({ value, label: GENDER_TEXT[value] })),
  ageBand: AGE_BANDS.map((value) => ({ value, label: AGE_BAND_TEXT[value] })),
};

/** One condition row as the builder holds it: whatever has been picked so far. */
export interface ConditionDraft {
  key: string;
  type: ConditionType;
  values: string[];
  tagId: string;
  months: number[];
  /** As typed: yuan for money ranges. */
  min: number | null;
  max: number | null;
  flag: boolean;
}

export interface GroupDraft {
  key: string;
  join: 'and' | 'or';
  conditions: ConditionDraft[];
}

export interface RuleDraft {
  join: 'and' | 'or';
  groups: GroupDraft[];
}

let serial = 0;
const nextKey = (prefix: string) => `${prefix}${(serial += 1)}`;

export function newCondition(type: ConditionType = 'tierId'): ConditionDraft {
  return { key: nextKey('c'), type, values: [], tagId: '', months: [], min: null, max: null, flag: true };
}

export function newGroup(): GroupDraft {
  return { key: nextKey('g'), join: 'and', conditions: [newCondition()] };
}

const toFen = (yuan: number) => Math.round(yuan * 100);
const toYuan = (fen: number) => fen / 100;

/** The condition a row stands for, or null while it is incomplete (no values picked, no bound typed). */
export function conditionOf(draft: ConditionDraft): SegmentCondition | null {
  const info = CONDITION_TYPES[draft.type];
  switch (info.kind) {
    case 'list':
      return draft.values.length ? { kind: 'list', field: draft.type as ListField, values: draft.values } : null;
    case 'special':
      return draft.tagId.trim() && draft.values.length ? { kind: 'special', tagId: draft.tagId.trim(), values: draft.values } : null;
    case 'birthdayMonth':
      return draft.months.length ? { kind: 'birthdayMonth', months: [...draft.months].sort((a, b) => a - b) } : null;
    case 'range': {
      if (draft.min === null && draft.max === null) return null;
      const unit = (n: number) => (info.yuan ? toFen(n) : Math.round(n));
      return {
        kind: 'range',
        field: draft.type as RangeField,
        ...(draft.min === null ? {} : { min: unit(draft.min) }),
        ...(draft.max === null ? {} : { max: unit(draft.max) }),
      };
    }
    case 'flag':
      return { kind: 'flag', field: draft.type as 'marketing' | 'personalised', value: draft.flag };
  }
}

/** The rule the builder shows: incomplete rows and groups left out. */
export function ruleOf(draft: RuleDraft): SegmentRule {
  const groups = draft.groups
    .map((group) => ({
      join: group.join,
      conditions: group.conditions.map(conditionOf).filter((condition): condition is SegmentCondition => condition !== null),
    }))
    .filter((group) => group.conditions.length > 0);
  return { join: draft.join, groups };
}

/** The builder's rows for a saved rule. */
export function draftOf(rule: SegmentRule): RuleDraft {
  return {
    join: rule.join,
    groups: rule.groups.map((group) => ({
      key: nextKey('g'),
      join: group.join,
      conditions: group.conditions.map((condition): ConditionDraft => {
        const base = newCondition();
        switch (condition.kind) {
          case 'list':
            return { ...base, type: condition.field, values: condition.values };
          case 'special':
            return { ...base, type: 'special', tagId: condition.tagId, values: condition.values };
          case 'birthdayMonth':
            return { ...base, type: 'birthdayMonth', months: condition.months };
          case 'range': {
            const unit = (n: number | undefined) => (n === undefined ? null : CONDITION_TYPES[condition.field].yuan ? toYuan(n) : n);
            return { ...base, type: condition.field, min: unit(condition.min), max: unit(condition.max) };
          }
          case 'flag':
            return { ...base, type: condition.field, flag: condition.value };
        }
      }),
    })),
  };
}
