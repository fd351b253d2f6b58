import { CloudError } from '../services/cloud';
import * as staffService from '../services/staff';
import { daySummary, memberCard, pickupView, saleQuote, saleView, SESSION_ID, staffMe } from '../test/staff-fixtures';
import { idle } from './loadable';
import { useStaffStore } from './staff';

jest.mock('../services/staff');

const service = jest.mocked(staffService);

beforeEach(() => {
  jest.clearAllMocks();
  useStaffStore.setState({
    meStatus: 'idle',
    me: null,
    meError: null,
    card: idle(),
    sessionExpired: false,
    quote: null,
    summary: idle(),
    busy: null,
  });
});

describe('who the caller is', () => {
  test('staff get their store and role', async () => {
    service.getMe.mockResolvedValue(staffMe({ role: 'manager' }));

    expect(await useStaffStore.getState().loadMe()).toEqual({ ok: true, value: staffMe({ role: 'manager' }) });
    expect(useStaffStore.getState()).toMatchObject({ meStatus: 'staff', me: { storeName: '静安店', role: 'manager' } });
  });

  test('NOT_STAFF is an answer, not a failure', async () => {
    service.getMe.mockRejectedValue(new CloudError('NOT_STAFF', 'not staff'));

    expect(await useStaffStore.getState().loadMe()).toEqual({ ok: true, value: null });
    expect(useStaffStore.getState()).toMatchObject({ meStatus: 'none', me: null, meError: null });
  });

  test('a disabled account loses the identity it had; a network failure keeps it', async () => {
    useStaffStore.setState({ meStatus: 'staff', me: staffMe() });
    service.getMe.mockRejectedValueOnce(new CloudError('NETWORK', 'offline'));
    expect(await useStaffStore.getState().loadMe()).toMatchObject({ ok: false, code: 'NETWORK' });
    expect(useStaffStore.getState()).toMatchObject({ meStatus: 'staff', me: staffMe(), meError: { code: 'NETWORK' } });

    service.getMe.mockRejectedValueOnce(new CloudError('STAFF_DISABLED', 'disabled'));
    expect(await useStaffStore.getState().loadMe()).toMatchObject({ ok: false, code: 'STAFF_DISABLED' });
    expect(useStaffStore.getState()).toMatchObject({ meStatus: 'error', me: null, meError: { code: 'STAFF_DISABLED' } });
  });

  test('redeeming an invite makes the caller staff', async () => {
    service.redeemInvite.mockResolvedValue(staffMe());

    expect(await useStaffStore.getState().redeemInvite('ABCD2345')).toEqual({ ok: true, value: staffMe() });
    expect(service.redeemInvite).toHaveBeenCalledWith('ABCD2345');
    expect(useStaffStore.getState()).toMatchObject({ meStatus: 'staff', me: staffMe(), busy: null });
  });
});

describe('the till session', () => {
  test('a scan opens the session with its card', async () => {
    service.scan.mockResolvedValue(memberCard());

    expect(await useStaffStore.getState().scan(SESSION_ID)).toEqual({ ok: true, value: memberCard() });
    expect(useStaffStore.getState().card).toEqual({ status: 'ready', data: memberCard(), error: null });
  });

  test('a refused scan answers the code and keeps no card', async () => {
    const used = new CloudError('CODE_USED', 'code already used');
    service.scan.mockRejectedValue(used);

    expect(await useStaffStore.getState().scan(SESSION_ID)).toEqual({
      ok: false,
      code: 'CODE_USED',
      message: 'code already used',
      error: used,
    });
    expect(useStaffStore.getState().card.data).toBeNull();
    expect(useStaffStore.getState().busy).toBeNull();
  });

  test("loading another session's card drops the card on screen first", async () => {
    useStaffStore.setState({ card: { status: 'ready', data: memberCard(), error: null } });
    let answer: (card: ReturnType<typeof memberCard>) => void = () => undefined;
    service.getMemberCard.mockReturnValue(new Promise((resolve) => (answer = resolve)));

    const loading = useStaffStore.getState().loadCard('11112222330099998888');
    expect(useStaffStore.getState().card).toEqual({ status: 'loading', data: null, error: null });
    answer(memberCard({ sessionId: '11112222330099998888' }));

    expect(await loading).toMatchObject({ ok: true, value: { sessionId: '11112222330099998888' } });
  });

  test('a session that ran out is remembered until the next scan', async () => {
    service.getMemberCard.mockRejectedValue(new CloudError('TILL_SESSION_EXPIRED', 'session expired'));

    expect(await useStaffStore.getState().loadCard(SESSION_ID)).toMatchObject({ ok: false, code: 'TILL_SESSION_EXPIRED' });
    expect(useStaffStore.getState().sessionExpired).toBe(true);

    service.scan.mockResolvedValue(memberCard());
    await useStaffStore.getState().scan(SESSION_ID);
    expect(useStaffStore.getState().sessionExpired).toBe(false);
  });

  test('only the answer to the latest quote is kept', async () => {
    const answers: ((quote: ReturnType<typeof saleQuote>) => void)[] = [];
    service.quoteSale.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const first = useStaffStore.getState().quoteSale({ sessionId: SESSION_ID, amountFen: 1_000 });
    const second = useStaffStore.getState().quoteSale({ sessionId: SESSION_ID, amountFen: 12_300 });

    answers[1]?.(saleQuote());
    answers[0]?.(saleQuote({ amountFen: 1_000, paidFen: 1_000 }));
    await Promise.all([first, second]);

    expect(useStaffStore.getState().quote).toEqual({
      input: { sessionId: SESSION_ID, amountFen: 12_300 },
      status: 'ready',
      data: saleQuote(),
      error: null,
    });
  });

  test('recording a sale forgets the quote and reads the card again', async () => {
    useStaffStore.setState({
      card: { status: 'ready', data: memberCard(), error: null },
      quote: { input: { sessionId: SESSION_ID, amountFen: 12_300 }, status: 'ready', data: saleQuote(), error: null },
    });
    service.recordSale.mockResolvedValue({ ...saleView(), duplicate: false });
    service.getMemberCard.mockResolvedValue(memberCard({ pointsUsed: true }));

    const outcome = await useStaffStore.getState().recordSale({ sessionId: SESSION_ID, amountFen: 12_300, receiptNo: 'A-2001' });

    expect(outcome).toEqual({ ok: true, value: { ...saleView(), duplicate: false } });
    expect(service.recordSale).toHaveBeenCalledWith({ sessionId: SESSION_ID, amountFen: 12_300, receiptNo: 'A-2001' });
    expect(useStaffStore.getState().quote).toBeNull();
    await Promise.resolve();
    expect(service.getMemberCard).toHaveBeenCalledWith(SESSION_ID);
  });

  test('a sale refused because the session ran out says so', async () => {
    service.recordSale.mockRejectedValue(new CloudError('TILL_SESSION_EXPIRED', 'session expired'));

    const outcome = await useStaffStore.getState().recordSale({ sessionId: SESSION_ID, amountFen: 12_300, receiptNo: 'A-2001' });

    expect(outcome).toMatchObject({ ok: false, code: 'TILL_SESSION_EXPIRED' });
    expect(useStaffStore.getState()).toMatchObject({ sessionExpired: true, busy: null });
  });

  test('a coupon written off and a reward handed over leave the card', async () => {
    useStaffStore.setState({ card: { status: 'ready', data: memberCard(), error: null } });
    service.writeOffCoupon.mockResolvedValue({ coupon: memberCard().coupons[0]!, writtenOffAt: 1 });
    service.handOverRedemption.mockResolvedValue(pickupView({ status: 'handedOver', handedOverAt: 1 }));

    expect((await useStaffStore.getState().writeOffCoupon(SESSION_ID, 'c1')).ok).toBe(true);
    expect((await useStaffStore.getState().handOverRedemption(SESSION_ID, 'r1')).ok).toBe(true);

    expect(service.writeOffCoupon).toHaveBeenCalledWith(SESSION_ID, 'c1');
    expect(service.handOverRedemption).toHaveBeenCalledWith(SESSION_ID, 'r1');
    const card = useStaffStore.getState().card.data!;
    expect(card.coupons.map((coupon) => coupon.instanceId)).toEqual(['c2']);
    expect(card.pickups).toEqual([]);
  });

  test('one action at a time', async () => {
    useStaffStore.setState({ busy: 'sale' });

    expect(await useStaffStore.getState().writeOffCoupon(SESSION_ID, 'c1')).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(service.writeOffCoupon).not.toHaveBeenCalled();
  });
});

describe('the day', () => {
  test('the summary loads into the store', async () => {
    service.getSummary.mockResolvedValue(daySummary());

    expect(await useStaffStore.getState().loadSummary()).toEqual({ ok: true, value: daySummary() });
    expect(useStaffStore.getState().summary).toEqual({ status: 'ready', data: daySummary(), error: null });
  });

  test('a failed summary answers its failure', async () => {
    service.getSummary.mockRejectedValue(new CloudError('NETWORK', 'offline'));

    expect(await useStaffStore.getState().loadSummary()).toMatchObject({ ok: false, code: 'NETWORK' });
    expect(useStaffStore.getState().summary).toMatchObject({ status: 'error', error: { code: 'NETWORK' } });
  });

  test('a reversed sale is marked at once and the summary read again', async () => {
    const row = { ...saleView(), reversible: true };
    useStaffStore.setState({ summary: { status: 'ready', data: daySummary({ recent: [row] }), error: null } });
    const reversed = saleView({ status: 'reversed', reversedAt: 2 });
    service.reverseSale.mockResolvedValue(reversed);
    let reload: (summary: ReturnType<typeof daySummary>) => void = () => undefined;
    service.getSummary.mockReturnValue(new Promise((resolve) => (reload = resolve)));

    expect(await useStaffStore.getState().reverseSale(row.saleId, '顾客退货')).toEqual({ ok: true, value: reversed });
    expect(service.reverseSale).toHaveBeenCalledWith(row.saleId, '顾客退货');
    expect(useStaffStore.getState().summary.data?.recent[0]).toMatchObject({ status: 'reversed', reversible: false });
    expect(service.getSummary).toHaveBeenCalled();
    reload(daySummary());
  });
});
