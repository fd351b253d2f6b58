import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../../tests/support/use-cases';
import { OWNER_CLAIMS as OWNER } from '../../tests/support/owner-claims';
import { allStored, putStored, stored } from '../../tests/support/stored';
import { DAY_MS } from '~/core/calendar/durations';
import { CSV_BOM, parseCsv } from '~/core/exports/csv';
import { EXPORT_HEADERS, ledgerRow, memberRow, orderRow } from '~/core/exports/export-rows';
import { DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { TokenClaims } from '~/server/admin/credentials';
import type { AdminRole } from '~/types/documents';
import type { ExportKind } from '~/types/exports';
import type { OrderDoc } from '~/types/orders';
import type { LedgerEntryDoc } from '~/types/points';
import type { RequestContext } from '../runtime/wx';
import { getExportDownload } from './export-actions';
import { produceExport } from './produce-export';
import { startExport } from './start-export';

/** 1 May and 1 June 2026, 00:00 in Shanghai. */
const FROM = Date.UTC(2026, 3, 30, 16);
const TO = Date.UTC(2026, 4, 31, 16);
const NOW = Date.UTC(2026, 5, 2);
const ANALYST: TokenClaims = { ...OWNER, sub: 'analyst.a', role: 'analyst' };

/** Members (joined), ledger entries and orders (created) across the range's edges, some sharing an instant. */
function seed(cloud: LocalCloud): void {
  const instants = [FROM - 1, FROM, FROM, FROM + DAY_MS, FROM + 3 * DAY_MS, FROM + 3 * DAY_MS, TO - 1, TO, TO + DAY_MS];
  cloud.store.atomically(() => {
    for (const tier of DEFAULT_TIERS) putStored(cloud, 'tiers', tier);
    for (let i = 0; i < 23; i += 1) {
      const at = instants[i % instants.length] as number;
      const id = `ex${i.toString().padStart(3, '0')}`;
      addMember(cloud, id, at, {
        nickname: i % 4 === 0 ? '小"明", 测试' : `会员${i}`,
        phone: `1380013${i.toString().padStart(4, '0')}`,
        birthday: '1990-05-20',
        tierId: i % 3 === 0 ? 'gold' : 'normal',
      });
      const entry: LedgerEntryDoc = {
        _id: `checkin:${id}:2026-05-0${(i % 9) + 1}`,
        memberId: id,
        kind: 'checkin',
        available: 5,
        pending: 0,
        reason: '每日签到',
        ref: { type: 'checkin', id: `${id}-${i}` } as LedgerEntryDoc['ref'],
        lots: [],
        balanceAfter: { available: 5 * (i + 1), pending: 0 },
        createdAt: at,
      };
      putStored(cloud, 'ledger_entries', entry);
      const order = {
        _id: `order-${id}`,
        orderNo: `26050100${i.toString().padStart(4, '0')}`,
        memberId: id,
        status: 'paid',
        listFen: 19_900,
        memberDiscountFen: 1_000,
        goodsSubtotalFen: 18_900,
        couponDiscountFen: 1_000,
        pointsUsed: 0,
        pointsDiscountFen: 0,
        shippingFeeFen: 800,
        shippingDiscountFen: 0,
        payableFen: 18_700,
        pointsToEarn: 187,
        delivery:
          i % 2 === 0
            ? {
                mode: 'delivery',
                address: { name: '王小明', phone: '13900139000', region: '上海市 浦东新区', detail: '世纪大道100号 8楼' },
                trackingNo: null,
              }
            : { mode: 'pickup', storeId: 'store-a', storeName: '徐汇店', pickupCode: null },
        couponIds: [],
        lines: [],
        createdAt: at,
        paidAt: at + 60_000,
      } as unknown as OrderDoc;
      putStored(cloud, 'orders', order);
    }
  });
}

describe('CSV exports through the real SDK and the local cloud storage', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  let serial = 0;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
    seed(cloud);
  });
  afterAll(() => cloud?.stop());

  /**
   * Starts an export (its first call writes it whole, the range being small), then, with
   * `partRows`, writes it again from the start a part per call, as a large export is: the file
   * must come out the same. Answers the file's text and the calls the second pass took.
   */
  async function exportAll(kind: ExportKind, admin: TokenClaims, partRows?: number): Promise<{ text: string; calls: number; id: string }> {
    serial += 1;
    const first = await startExport(ctx(NOW), { kind, from: FROM, to: TO, requestKey: `export-test-${serial}` }, admin);
    expect(first.status).toBe('finished');
    let calls = 0;
    if (partRows !== undefined) {
      const done = stored(cloud, 'export_jobs', first._id);
      cloud.store.remove('export_jobs', first._id);
      putStored(cloud, 'export_jobs', { ...done, status: 'running', rows: 0, parts: [], cursor: null, finishedAt: null });
      for (let job = stored(cloud, 'export_jobs', first._id); job.status === 'running'; calls += 1) {
        let tick = 0;
        // The clock passes the budget once the first part is saved: one part per call.
        job = await produceExport(ctx(NOW + calls + 1), first._id, 1_000, () => (tick += 600), partRows);
        expect(job.parts.length).toBe(Math.min(calls + 1, Math.ceil(job.rows / partRows)));
        if (calls > 100) throw new Error('export did not finish');
      }
    }
    const { urls, fileName } = await getExportDownload(ctx(NOW), { exportId: first._id }, admin);
    expect(fileName).toBe(`${kind}-20260501-20260531.csv`);
    const parts = await Promise.all(urls.map(async (url) => Buffer.from(await (await fetch(url)).arrayBuffer())));
    const bytes = Buffer.concat(parts);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return { text: bytes.toString('utf8'), calls, id: first._id };
  }

  const inRange = <T>(docs: T[], at: (doc: T) => number, id: (doc: T) => string) =>
    docs.filter((doc) => at(doc) >= FROM && at(doc) < TO).sort((a, b) => at(a) - at(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  const cells = (row: (string | number | null)[]) => row.map((cell) => (cell === null ? '' : String(cell)));
  const tierName = (id: string) => DEFAULT_TIERS.find((tier) => tier._id === id)?.name ?? id;

  it.each<[ExportKind, number, number]>([
    // 16 rows in range: four full parts and a call that finds no more; four parts, the last short; one part.
    ['members', 4, 5],
    ['ledger', 5, 4],
    ['orders', 100, 1],
  ])('the %s export equals the source collection over the range, in order, in parts of %i rows', async (kind, partRows, expectedCalls) => {
    const { text, calls } = await exportAll(kind, OWNER, partRows);
    expect(calls).toBe(expectedCalls);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(EXPORT_HEADERS[kind]);
    const role: AdminRole = 'owner';
    const expected =
      kind === 'members'
        ? inRange(
            allStored(cloud, 'members'),
            (m) => m.joinedAt,
            (m) => m._id,
          ).map((m) => cells(memberRow(m, role, tierName)))
        : kind === 'ledger'
          ? inRange(
              allStored(cloud, 'ledger_entries'),
              (e) => e.createdAt,
              (e) => e._id,
            ).map((e) => cells(ledgerRow(e)))
          : inRange(
              allStored(cloud, 'orders'),
              (o) => o.createdAt,
              (o) => o._id,
            ).map((o) => cells(orderRow(o, role)));
    expect(rows).toEqual(expected);
    expect(rows.length).toBeGreaterThan(10);
    expect(stored(cloud, 'export_jobs', `exp-export-test-${serial}`)).toMatchObject({
      status: 'finished',
      rows: rows.length,
      estimate: rows.length,
    });
    if (kind === 'members') {
      // Read against the documents themselves, not only the row maker: ids, numbers, full phones, a quoted nickname.
      const source = inRange(
        allStored(cloud, 'members'),
        (m) => m.joinedAt,
        (m) => m._id,
      );
      expect(rows.map((row) => [row[0], row[1], row[2], row[3], row[6]])).toEqual(
        source.map((m) => [m._id, m.memberNo, m.nickname, m.phone, String(m.points.available)]),
      );
      expect(rows.some((row) => row[2] === '小"明", 测试')).toBe(true);
    }
  });

  it('keeps phones, birthdays, names and addresses masked for a role without the right, and hands a full export only to a role with it', async () => {
    const members = await exportAll('members', ANALYST);
    const [, ...memberRows] = parseCsv(members.text);
    const phones = new Set(allStored(cloud, 'members').map((m) => m.phone));
    for (const row of memberRows) {
      expect(row[3]).toMatch(/^138\*{4}\d{4}$/);
      expect(phones.has(row[3] as string)).toBe(false);
      expect(row[4]).toBe('****-05-20');
    }
    expect(members.text).not.toMatch(/1380013\d{4}/);

    const orders = await exportAll('orders', ANALYST);
    expect(orders.text).not.toContain('13900139000');
    expect(orders.text).not.toContain('王小明');
    expect(orders.text).not.toContain('世纪大道100号');
    const delivered = parseCsv(orders.text).filter((row) => row[11] === '快递');
    expect(delivered.length).toBeGreaterThan(0);
    for (const row of delivered) expect(row.slice(12, 16)).toEqual(['王**', '139****9000', '上海市 浦东新区', '世纪大道****']);
    expect(stored(cloud, 'export_jobs', orders.id).personalData).toBe('masked');

    const full = await exportAll('orders', OWNER);
    expect(full.text).toContain('13900139000');
    await expect(getExportDownload(ctx(NOW), { exportId: full.id }, ANALYST)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const audit = allStored(cloud, 'audit_log').filter((entry) => entry.action === 'startExport');
    expect(audit.map((entry) => entry.target.id)).toEqual(expect.arrayContaining([members.id, orders.id, full.id]));
    expect(audit.find((entry) => entry.target.id === orders.id)).toMatchObject({
      actor: expect.objectContaining({ id: 'analyst.a', role: 'analyst' }),
      after: expect.objectContaining({ kind: 'orders', personalData: 'masked' }),
    });
  });

  it('refuses a range that ends before it starts, and a request key reused for another export', async () => {
    await expect(
      startExport(ctx(NOW), { kind: 'members', from: TO, to: FROM, requestKey: 'export-bad-range' }, OWNER),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await startExport(ctx(NOW), { kind: 'members', from: FROM, to: TO, requestKey: 'export-reused' }, OWNER);
    await expect(startExport(ctx(NOW), { kind: 'ledger', from: FROM, to: TO, requestKey: 'export-reused' }, OWNER)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(allStored(cloud, 'export_jobs').filter((job) => job._id === 'exp-export-reused')).toHaveLength(1);
  });
});
