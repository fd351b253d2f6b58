import { normalizePhone } from './phone-hash';

/** How the member desk reads what an admin typed in its one search box. */
export type MemberSearchBy = 'auto' | 'phone' | 'memberNo' | 'nickname';

/**
 * What a search looks for: a phone (by its hash), a whole member number, part of one (its first
 * or last digits), or the start of a nickname.
 */
export type MemberQuery =
  | { kind: 'phone'; phone: string }
  | { kind: 'memberNo'; memberNo: string }
  | { kind: 'memberNoPart'; digits: string }
  | { kind: 'nickname'; prefix: string }
  | { kind: 'invalid'; message: string };

/** Digits of a member number searched as its start or its end; fewer match too much to be useful. */
export const MIN_NUMBER_PART = 3;
const MEMBER_NO_DIGITS = 10;

/**
 * Reads a search. `auto` takes an 11-digit mobile number for a phone, 10 digits for a member
 * number, 3–9 digits for part of one, and anything else for the start of a nickname; the other
 * modes say which it is.
 */
export function readMemberQuery(text: string, by: MemberSearchBy): MemberQuery {
  const typed = text.trim();
  const compact = typed.replace(/[\s-]/g, '');
  const phone = normalizePhone(typed);
  const digits = /^\d+$/.test(compact) ? compact : null;
  const number = (value: string): MemberQuery =>
    value.length === MEMBER_NO_DIGITS ? { kind: 'memberNo', memberNo: value } : { kind: 'memberNoPart', digits: value };
  switch (by) {
    case 'phone':
      return phone ? { kind: 'phone', phone } : { kind: 'invalid', message: '请输入完整的11位手机号' };
    case 'memberNo':
      return digits && digits.length >= MIN_NUMBER_PART && digits.length <= MEMBER_NO_DIGITS
        ? number(digits)
        : { kind: 'invalid', message: `请输入会员号的前几位或后几位（${MIN_NUMBER_PART}–10位数字）` };
    case 'nickname':
      return typed ? { kind: 'nickname', prefix: typed } : { kind: 'invalid', message: '请输入昵称' };
    case 'auto':
      if (phone) return { kind: 'phone', phone };
      if (digits && digits.length >= MIN_NUMBER_PART && digits.length <= MEMBER_NO_DIGITS) return number(digits);
      return typed ? { kind: 'nickname', prefix: typed } : { kind: 'invalid', message: '请输入搜索内容' };
  }
}

/** A member number reversed: its last digits become a prefix, so a suffix search is an indexed range. */
export function reversedMemberNo(memberNo: string): string {
  return [...memberNo].reverse().join('');
}

/**
 * The least string greater than every string starting with `prefix`: `prefix ≤ s < bound` is
 * "s starts with prefix" as an indexed range, in UTF-16 order and in UTF-8 byte order alike
 * (the last character is raised by one, so no string sorts between them). Null when the last
 * character cannot be raised (a lone surrogate or U+FFFF); such a prefix is matched without an
 * upper bound and filtered.
 */
export function prefixUpperBound(prefix: string): string | null {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (prefix.length === 0 || last === 0xffff || (last >= 0xd7ff && last <= 0xdfff)) return null;
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}
