import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import { issueMemberCode, MEMBER_CODE_SECRET_ENV, verifyMemberCode } from './member-code';

const NOW = Date.UTC(2026, 10, 22, 2, 0, 5);

describe('member codes through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number, openid?: string) => RequestContext;
  const saved = process.env[MEMBER_CODE_SECRET_ENV];

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    addMember(cloud, 'mc1', NOW);
    addMember(cloud, 'mc2', NOW);
  });
  afterAll(() => cloud?.stop());
  beforeEach(() => {
    process.env[MEMBER_CODE_SECRET_ENV] = 's'.repeat(40);
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[MEMBER_CODE_SECRET_ENV];
    else process.env[MEMBER_CODE_SECRET_ENV] = saved;
  });

  it('issues the caller a code that the till verifies back to the same member', async () => {
    const issued = await issueMemberCode(ctx(NOW, 'o-mc1'), 'o-mc1');
    expect(issued.code).toMatch(/^\d{18}$/);
    expect(issued.code.startsWith(issued.memberNo)).toBe(true);
    expect(issued).toMatchObject({ issuedAt: NOW, refreshAt: NOW + 25_000, expiresAt: NOW + 55_000 });

    expect((await verifyMemberCode(ctx(NOW + 40_000), issued.code))._id).toBe('mc1');
  });

  it('tells the till when a code is old, unknown or malformed', async () => {
    const { code } = await issueMemberCode(ctx(NOW, 'o-mc2'), 'o-mc2');
    await expect(verifyMemberCode(ctx(NOW + 5 * 60_000), code)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(verifyMemberCode(ctx(NOW), `${code.slice(0, 10)}00000000`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(verifyMemberCode(ctx(NOW), `9999999999${code.slice(10)}`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(verifyMemberCode(ctx(NOW), '12345')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses to issue codes while the secret is missing or too short', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    delete process.env[MEMBER_CODE_SECRET_ENV];
    await expect(issueMemberCode(ctx(NOW, 'o-mc1'), 'o-mc1')).rejects.toMatchObject({
      code: 'NOT_AVAILABLE',
      message: expect.stringContaining(MEMBER_CODE_SECRET_ENV),
    });
    process.env[MEMBER_CODE_SECRET_ENV] = 'short';
    await expect(issueMemberCode(ctx(NOW, 'o-mc1'), 'o-mc1')).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining(MEMBER_CODE_SECRET_ENV));
    log.mockRestore();
  });
});
