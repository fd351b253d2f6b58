import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { ProgrammeVersionDoc } from '~/types/programme';
import { startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import { forgetProgramme, loadProgramme } from './load-programme';

const T = Date.UTC(2027, 5, 1, 2, 0);

function versionDoc(
  version: number,
  effectiveAt: number,
  dailyPoints: number,
  status: ProgrammeVersionDoc['status'] = 'published',
): ProgrammeVersionDoc {
  return {
    _id: `v${version}`,
    version,
    programme: { ...DEFAULT_PROGRAMME, checkIn: { ...DEFAULT_PROGRAMME.checkIn, dailyPoints } },
    tiers: [...DEFAULT_TIERS].reverse(),
    effectiveAt,
    status,
    author: 'owner',
    createdAt: T,
    note: '',
    basedOn: version - 1 || null,
    restoredFrom: null,
    requestKey: `key-${version}`,
    cancelledAt: null,
    cancelledBy: null,
  };
}

describe('loadProgramme with versions', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  const daily = async (now: number) => (await loadProgramme(ctx(now))).programme.checkIn.dailyPoints;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    forgetProgramme();
  });
  afterAll(() => {
    forgetProgramme();
    return cloud?.stop();
  });

  it('answers the stored rules while no version exists, then the version in effect, switching exactly at the next one', async () => {
    expect(await daily(T)).toBe(5);
    cloud.store.insert('programme_versions', { ...versionDoc(1, 0, 6) });
    cloud.store.insert('programme_versions', { ...versionDoc(2, T + 10_000, 10) });
    cloud.store.insert('programme_versions', { ...versionDoc(3, T + 20_000, 99, 'cancelled') });
    forgetProgramme();

    expect(await daily(T + 1)).toBe(6);
    // Kept no longer than the moment version 2 takes effect, though that is well within the cache time.
    expect(await daily(T + 9_999)).toBe(6);
    expect(await daily(T + 10_000)).toBe(10);
    // A cancelled version never takes effect.
    expect(await daily(T + 25_000)).toBe(10);
    // A clock read before the cached moment reads again, and never gets a version before its time.
    expect(await daily(T + 5_000)).toBe(6);
    expect((await loadProgramme(ctx(T + 5_000))).tiers.map((tier) => tier.rank)).toEqual([0, 1, 2, 3]);
  });
});
