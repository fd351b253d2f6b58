import { createHmac } from 'node:crypto';
import { checkMemberCode, MEMBER_CODE_WINDOW_MS, memberCodeWindow, parseMemberCode, signMemberCode } from './member-code';

const SECRET = 'k'.repeat(40);
const member = { memberId: 'm0123456789abcdef01234567', memberNo: '8602417735' };
// 10:00:05 in Shanghai, five seconds into a window.
const NOW = Date.UTC(2026, 10, 22, 2, 0, 5);
const WINDOW = MEMBER_CODE_WINDOW_MS;

describe('member code', () => {
  it('is the member number followed by 8 digits of HMAC-SHA256 over the member id and window', () => {
    const { code } = signMemberCode(SECRET, member, NOW);
    expect(code).toMatch(/^8602417735\d{8}$/);

    const mac = createHmac('sha256', SECRET)
      .update(`member-code:v1:${member.memberId}:${memberCodeWindow(NOW)}`)
      .digest();
    const offset = mac[mac.length - 1]! & 0x0f;
    const truncated = mac.readUInt32BE(offset) & 0x7fffffff;
    expect(code.slice(10)).toBe(String(truncated % 100_000_000).padStart(8, '0'));
  });

  it('rotates every window: the same code within one, a new code in the next', () => {
    const first = signMemberCode(SECRET, member, NOW);
    expect(signMemberCode(SECRET, member, NOW + 20_000).code).toBe(first.code);
    expect(signMemberCode(SECRET, member, first.refreshAt).code).not.toBe(first.code);
    expect(first.refreshAt - NOW).toBe(WINDOW - 5_000);
    expect(first.expiresAt - first.refreshAt).toBe(WINDOW);
  });

  it('verifies in its own window and the grace window after it, then reads as expired', () => {
    const { code, refreshAt, expiresAt } = signMemberCode(SECRET, member, NOW);
    expect(checkMemberCode(SECRET, member, code, NOW)).toBe('valid');
    expect(checkMemberCode(SECRET, member, code, refreshAt + 1_000)).toBe('valid');
    expect(checkMemberCode(SECRET, member, code, expiresAt - 1)).toBe('valid');
    expect(checkMemberCode(SECRET, member, code, expiresAt)).toBe('expired');
    expect(checkMemberCode(SECRET, member, code, NOW + 30 * 60_000)).toBe('expired');
    expect(checkMemberCode(SECRET, member, code, NOW + 24 * 60 * 60_000)).toBe('invalid');
  });

  it('refuses a tampered code, another member, or another secret', () => {
    const { code } = signMemberCode(SECRET, member, NOW);
    const lastDigit = Number(code.slice(-1));
    const tampered = `${code.slice(0, -1)}${(lastDigit + 1) % 10}`;
    expect(checkMemberCode(SECRET, member, tampered, NOW)).toBe('invalid');

    const other = { memberId: 'm-other', memberNo: '8602417736' };
    expect(checkMemberCode(SECRET, other, code, NOW)).toBe('invalid');
    // Same number, different member id behind it (e.g. a re-joined account): the signature no longer matches.
    expect(checkMemberCode(SECRET, { ...member, memberId: 'm-rejoined' }, code, NOW)).toBe('invalid');
    expect(checkMemberCode('x'.repeat(40), member, code, NOW)).toBe('invalid');
  });

  it('reads a code typed with spaces, and rejects anything that is not 18 digits', () => {
    const { code } = signMemberCode(SECRET, member, NOW);
    const spaced = code.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(parseMemberCode(spaced)).toEqual({ memberNo: '8602417735', mac: code.slice(10) });
    expect(checkMemberCode(SECRET, member, spaced, NOW)).toBe('valid');
    expect(parseMemberCode(code.slice(1))).toBeNull();
    expect(parseMemberCode(`0${code.slice(1)}`)).toBeNull();
    expect(parseMemberCode(`${code.slice(0, -1)}x`)).toBeNull();
  });

  it('refuses to sign without a secret or for a malformed member number', () => {
    expect(() => signMemberCode('', member, NOW)).toThrow(/secret/);
    expect(() => signMemberCode(SECRET, { ...member, memberNo: '123' }, NOW)).toThrow(/10 digits/);
  });
});
