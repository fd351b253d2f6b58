import { createHmac } from 'node:crypto';
import {
  checkMemberCode,
  MEMBER_CODE_WINDOW_MS,
  memberCodeEnvTag,
  memberCodeWindow,
  normalMemberCode,
  parseMemberCode,
  signMemberCode,
} from './member-code';

const KEY = { secret: 'k'.repeat(40), env: 'prod-4g1x' };
const member = { memberId: 'm0123456789abcdef01234567', memberNo: '8602417735' };
// 10:00:05 in Shanghai, five seconds into a window.
const NOW = Date.UTC(2026, 10, 22, 2, 0, 5);
const WINDOW = MEMBER_CODE_WINDOW_MS;

describe('member code', () => {
  it('is the member number, the environment tag, then 8 digits of HMAC-SHA256 over the environment, member id and window', () => {
    const { code } = signMemberCode(KEY, member, NOW);
    expect(code).toMatch(/^8602417735\d{10}$/);
    expect(code.slice(10, 12)).toBe(memberCodeEnvTag(KEY.env));

    const mac = createHmac('sha256', KEY.secret)
      .update(`member-code:v2:${KEY.env}:${member.memberId}:${memberCodeWindow(NOW)}`)
      .digest();
    const offset = mac[mac.length - 1]! & 0x0f;
    const truncated = mac.readUInt32BE(offset) & 0x7fffffff;
    expect(code.slice(12)).toBe(String(truncated % 100_000_000).padStart(8, '0'));
  });

  it('rotates every window: the same code within one, a new code in the next', () => {
    const first = signMemberCode(KEY, member, NOW);
    expect(signMemberCode(KEY, member, NOW + 20_000).code).toBe(first.code);
    expect(signMemberCode(KEY, member, first.refreshAt).code).not.toBe(first.code);
    expect(first.refreshAt - NOW).toBe(WINDOW - 5_000);
    expect(first.expiresAt - first.refreshAt).toBe(WINDOW);
  });

  it('verifies in its own window and the grace window after it, then reads as expired', () => {
    const { code, refreshAt, expiresAt } = signMemberCode(KEY, member, NOW);
    expect(checkMemberCode(KEY, member, code, NOW)).toBe('valid');
    expect(checkMemberCode(KEY, member, code, refreshAt + 1_000)).toBe('valid');
    expect(checkMemberCode(KEY, member, code, expiresAt - 1)).toBe('valid');
    expect(checkMemberCode(KEY, member, code, expiresAt)).toBe('expired');
    expect(checkMemberCode(KEY, member, code, NOW + 30 * 60_000)).toBe('expired');
    expect(checkMemberCode(KEY, member, code, NOW + 24 * 60 * 60_000)).toBe('invalid');
  });

  it('refuses a tampered code, another member, or another secret', () => {
    const { code } = signMemberCode(KEY, member, NOW);
    const lastDigit = Number(code.slice(-1));
    const tampered = `${code.slice(0, -1)}${(lastDigit + 1) % 10}`;
    expect(checkMemberCode(KEY, member, tampered, NOW)).toBe('invalid');

    const other = { memberId: 'm-other', memberNo: '8602417736' };
    expect(checkMemberCode(KEY, other, code, NOW)).toBe('invalid');
    // Same number, different member id behind it (e.g. a re-joined account): the signature no longer matches.
    expect(checkMemberCode(KEY, { ...member, memberId: 'm-rejoined' }, code, NOW)).toBe('invalid');
    expect(checkMemberCode({ ...KEY, secret: 'x'.repeat(40) }, member, code, NOW)).toBe('invalid');
  });

  it("tells another environment's code from a forgery by its tag", () => {
    const staging = { secret: 'k'.repeat(40), env: 'staging-9z' };
    expect(memberCodeEnvTag(staging.env)).not.toBe(memberCodeEnvTag(KEY.env));
    const { code } = signMemberCode(staging, member, NOW);
    expect(checkMemberCode(KEY, member, code, NOW)).toBe('otherEnv');
    expect(checkMemberCode(staging, member, code, NOW)).toBe('valid');
  });

  it('reads a code typed with spaces, and rejects anything that is not 20 digits', () => {
    const { code } = signMemberCode(KEY, member, NOW);
    const spaced = code.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(parseMemberCode(spaced)).toEqual({ memberNo: '8602417735', envTag: code.slice(10, 12), mac: code.slice(12) });
    expect(normalMemberCode(spaced)).toBe(code);
    expect(checkMemberCode(KEY, member, spaced, NOW)).toBe('valid');
    expect(parseMemberCode(code.slice(1))).toBeNull();
    expect(parseMemberCode(code.slice(2))).toBeNull();
    expect(parseMemberCode(`0${code.slice(1)}`)).toBeNull();
    expect(parseMemberCode(`${code.slice(0, -1)}x`)).toBeNull();
    expect(normalMemberCode('hello')).toBeNull();
  });

  it('refuses to sign without a secret or environment, or for a malformed member number', () => {
    expect(() => signMemberCode({ ...KEY, secret: '' }, member, NOW)).toThrow(/secret/);
    expect(() => signMemberCode({ ...KEY, env: '' }, member, NOW)).toThrow(/environment/);
    expect(() => signMemberCode(KEY, { ...member, memberNo: '123' }, NOW)).toThrow(/10 digits/);
  });
});
