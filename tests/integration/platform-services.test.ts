import { join } from 'node:path';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { buildFunction } from '../../scripts/build-functions';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';

const FIXTURES = join(__dirname, '..', 'fixtures', 'functions');

/** The platform services around functions: identity, callFunction, timers, openapi, cloudPay, crashes. */
describe('local cloud platform services', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    await Promise.all(['probe', 'pay-callback', 'job-tick'].map((name) => buildFunction(join(FIXTURES, name))));
    cloud = await startTestCloud({
      functionsDir: FIXTURES,
      collectionsFile: join(__dirname, '..', 'fixtures', 'contract-collections.json'),
    });
  });

  afterAll(() => cloud?.stop());

  const events = () => [...cloud.store.scan('events', [], [], 'rowid')].map((row) => cloud.store.parse(row));

  it('gives each invocation its caller identity and the platform clock zone', async () => {
    const browser = new GatewayClient(cloud.url);
    const openid = await browser.login();
    const { body } = await browser.call('probe', { do: 'whoami' });
    expect(body).toEqual({ openid, source: 'wx_client', tz: 'UTC' });
    const anonymous = new GatewayClient(cloud.url);
    expect((await anonymous.call('probe', { do: 'whoami' })).body).toMatchObject({ openid: null, source: 'wx_http' });
  });

  it('cloud.callFunction runs the callee with the caller passed along', async () => {
    const result = await cloud.invoke('probe', { do: 'call' }, { source: 'wx_client', openid: 'o-caller' });
    expect(result).toEqual({ openid: 'o-caller', source: 'wx_client,scf', tz: 'UTC' });
  });

  it('moves the clock the functions see, and back', async () => {
    const at = Date.UTC(2027, 1, 28, 15, 59, 0);
    cloud.setClock(at);
    const moved = (await cloud.invoke('probe', { do: 'now' })) as { now: number };
    expect(Math.abs(moved.now - at)).toBeLessThan(2_000);
    const res = await fetch(`${cloud.url}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at: null }),
    });
    expect(await res.json()).toMatchObject({ offsetMs: 0 });
    const back = (await cloud.invoke('probe', { do: 'now' })) as { now: number };
    expect(Math.abs(back.now - Date.now())).toBeLessThan(2_000);
    expect(
      (await fetch(`${cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"at":"soon"}' }))
        .status,
    ).toBe(400);
  });

  it('fires a timer trigger on demand with the platform timer event', async () => {
    await cloud.runTimer('job-tick', Date.UTC(2026, 10, 22, 18, 0, 0));
    expect(events().find((e) => e.kind === 'tick')).toMatchObject({
      type: 'Timer',
      trigger: 'nightly',
      time: '2026-11-22T18:00:00Z',
      source: 'wx_trigger',
    });
  });

  it('records subscription messages in the outbox, and refuses an API the function did not declare', async () => {
    const sent = await cloud.invoke('probe', { do: 'notify' }, { source: 'wx_client', openid: 'o-subscriber' });
    expect(sent).toMatchObject({ errCode: 0 });
    expect(cloud.outbox.list(1)[0]).toMatchObject({
      fn: 'probe',
      api: 'subscribeMessage.send',
      touser: 'o-subscriber',
      templateId: 'tpl-points-expiring',
    });
    await expect(cloud.invoke('probe', { do: 'notify-unlisted' }, { source: 'wx_client', openid: 'o-subscriber' })).rejects.toThrow(
      /no permission/,
    );
  });

  it('simulates WeChat Pay: an order waits, is confirmed once, and the callback runs once', async () => {
    const order = (await cloud.invoke('probe', { do: 'pay', amount: 1990 }, { source: 'wx_client', openid: 'o-payer' })) as {
      returnCode: string;
      payment: { package: string };
    };
    expect(order.returnCode).toBe('SUCCESS');
    expect(order.payment.package).toMatch(/^prepay_id=wx/);
    expect(await cloud.invoke('probe', { do: 'query-pay', amount: 1990 })).toMatchObject({ tradeState: 'NOTPAY' });

    const res = await fetch(`${cloud.url}/dev/payments/order-1990/confirm`, { method: 'POST' });
    expect(await res.json()).toMatchObject({ ok: true, callback: { errcode: 0 } });
    expect((await fetch(`${cloud.url}/dev/payments/order-1990/confirm`, { method: 'POST' })).status).toBe(409);
    expect(events().filter((e) => e.kind === 'paid')).toEqual([
      expect.objectContaining({ outTradeNo: 'order-1990', resultCode: 'SUCCESS', totalFee: 1990, source: 'wx_paycallback' }),
    ]);
    expect(await cloud.invoke('probe', { do: 'query-pay', amount: 1990 })).toMatchObject({ tradeState: 'SUCCESS' });
  });

  it('answers queryOrder as WeChat Pay does, a payment may be paid before its callback arrives, and an outage fails the call', async () => {
    await cloud.invoke('probe', { do: 'pay', amount: 2990 }, { source: 'wx_client', openid: 'o-payer' });
    expect(await cloud.invoke('probe', { do: 'query-pay', amount: 2990 })).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: 'order-2990',
      tradeState: 'NOTPAY',
      tradeStateDesc: '订单未支付',
      totalFee: 2990,
    });
    const paid = (await cloud.settlePayment('order-2990', 'SUCCESS', { deliver: false })) as { transactionId: string };
    expect(events().filter((e) => e.outTradeNo === 'order-2990')).toEqual([]);
    const state = (await cloud.invoke('probe', { do: 'query-pay', amount: 2990 })) as Record<string, unknown>;
    expect(state).toMatchObject({ tradeState: 'SUCCESS', transactionId: paid.transactionId, totalFee: 2990, cashFee: 2990 });
    expect(state.timeEnd).toMatch(/^20\d{12}$/);
    // The SDK puts errCode 0 over WeChat Pay's business error code; only resultCode and the description tell.
    expect(await cloud.invoke('probe', { do: 'pay', amount: 2990 }, { source: 'wx_client', openid: 'o-payer' })).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'FAIL',
      errCode: 0,
    });
    expect(await cloud.deliverPaymentCallback('order-2990')).toMatchObject({ errcode: 0 });
    expect(events().filter((e) => e.outTradeNo === 'order-2990')).toHaveLength(1);
    expect(await cloud.invoke('probe', { do: 'query-pay', amount: 1 })).toMatchObject({
      resultCode: 'FAIL',
      errCodeDes: 'order not exist',
    });
    cloud.payments.setOutage(['queryOrder']);
    try {
      await expect(cloud.invoke('probe', { do: 'query-pay', amount: 2990 })).rejects.toThrow(/unreachable/);
    } finally {
      cloud.payments.setOutage([]);
    }
  });

  it('refuses cross-site requests from browsers to the database and the dev endpoints', async () => {
    const res = await fetch(cloud.tcbUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: JSON.stringify({ action: 'database.insertDocument', collectionName: 'events', data: ['{"_id":"x"}'] }),
    });
    expect(res.status).toBe(403);
    expect(cloud.store.get('events', 'x')).toBeUndefined();
    expect(
      (await fetch(`${cloud.url}/dev/timers/job-tick/run`, { method: 'POST', headers: { origin: 'https://evil.example' } })).status,
    ).toBe(403);
  });

  it('a crashed or timed-out instance fails that invocation only, and the next one runs', async () => {
    await expect(cloud.invoke('probe', { do: 'crash' })).rejects.toThrow(/crashed/);
    await expect(cloud.invoke('probe', { do: 'hang' })).rejects.toThrow(/timed out after 2 s/);
    expect(await cloud.invoke('probe', { do: 'whoami' })).toMatchObject({ source: 'wx_http' });
  });
});
