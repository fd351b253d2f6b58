import { DAY_MS } from '~/core/calendar/durations';
import type { MemberProfileDoc, SegmentCondition, SegmentRule } from '~/types/marketing';

/** The profile's number a range condition tests; `lastPurchaseDays` of a member who never bought is Infinity. */
export function rangeValue(profile: MemberProfileDoc, field: Extract<SegmentCondition, { kind: 'range' }>['field'], now: number): number {
  switch (field) {
    case 'rfmR':
      return profile.rfm.r;
    case 'rfmF':
      return profile.rfm.f;
    case 'rfmM':
      return profile.rfm.m;
    case 'lastPurchaseDays':
      return profile.lastPurchaseAt === null ? Infinity : Math.floor((now - profile.lastPurchaseAt) / DAY_MS);
    default:
      return profile[field];
  }
}

/** Whether one condition holds for a profile, as of `now`. */
export function conditionHolds(condition: SegmentCondition, profile: MemberProfileDoc, now: number): boolean {
  switch (condition.kind) {
    case 'list': {
      if (condition.field === 'preferredCategory') return profile.preferredCategoryIds.some((id) => condition.values.includes(id));
      // A field without a value (no age band, address or home store) is in no list, whatever its values say.
      const value = profile[condition.field];
      return value !== null && condition.values.includes(value);
    }
    case 'special': {
      const value = Object.hasOwn(profile.special, condition.tagId) ? profile.special[condition.tagId] : undefined;
      return value !== undefined && condition.values.includes(value);
    }
    case 'birthdayMonth':
      return profile.birthdayMonth !== null && condition.months.includes(profile.birthdayMonth);
    case 'range': {
      const value = rangeValue(profile, condition.field, now);
      return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
    }
    case 'flag':
      return profile[condition.field] === condition.value;
  }
}

/** Whether a member's profile is in a segment, as of `now`. An empty rule matches every member. */
export function matchesSegment(rule: SegmentRule, profile: MemberProfileDoc, now: number): boolean {
  const groupHolds = (group: SegmentRule['groups'][number]) =>
    group.join === 'and'
      ? group.conditions.every((condition) => conditionHolds(condition, profile, now))
      : group.conditions.some((condition) => conditionHolds(condition, profile, now));
  if (rule.groups.length === 0) return true;
  return rule.join === 'and' ? rule.groups.every(groupHolds) : rule.groups.some(groupHolds);
}
