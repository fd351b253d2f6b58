import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AdminPayload } from '../../api/client';
import { AdminApiError } from '../../api/client';
import { TEST_TOKEN, callsOf, mockClient, renderSignedIn } from '../../test/mock-client';
import { periodOf, dashboardView } from './dashboard-fixtures';
import { DashboardPage } from './dashboard-page';
import { lastDays } from './dashboard-range';

jest.setTimeout(60_000);

const chartRows = (container: HTMLElement, className: string) =>
  [...container.querySelectorAll(`.${className} .chart-row`)].map((row) => row.textContent);

describe('DashboardPage', () => {
  it('asks for the last 7 days and shows KPI cards with the change from the previous period', async () => {
    const { client, call } = mockClient(async () => dashboardView());
    const { container } = renderSignedIn(<DashboardPage />, client);

    const gmv = await screen.findByText('¥12,345.00', {}, { timeout: 10_000 });
    expect(callsOf(call, 'getDashboard')[0]?.[1]).toEqual({ token: TEST_TOKEN, ...lastDays(7) });
    const card = gmv.closest('.dashboard-kpi') as HTMLElement;
    expect(within(card).getByText('成交额（GMV）')).toBeTruthy();
    expect(within(card).getByText(/\+23%/)).toBeTruthy();
    const repurchase = container.querySelector('.dashboard-kpi-repurchase') as HTMLElement;
    expect(within(repurchase).getByText('35.0%')).toBeTruthy();
    expect(within(repurchase).getByText(/\+5\.0 个百分点/)).toBeTruthy();
    const orders = container.querySelector('.dashboard-kpi-orders') as HTMLElement;
    expect(within(orders).getByText(/持平/)).toBeTruthy();
    const liability = container.querySelector('.dashboard-kpi-liability') as HTMLElement;
    expect(within(liability).getByText('¥2,500.00')).toBeTruthy();
    const members = container.querySelector('.dashboard-kpi-members') as HTMLElement;
    expect(within(members).getByText('较上期末')).toBeTruthy();
    expect(screen.getByText('今日为部分数据')).toBeTruthy();
  });

  it('draws the trends, tiers, funnel, points, coupons and channels, marking today as partial', async () => {
    const { client } = mockClient(async () => dashboardView());
    const { container } = renderSignedIn(<DashboardPage />, client);

    await screen.findByText('¥12,345.00', {}, { timeout: 10_000 });
    expect(chartRows(container, 'chart-gmv')).toEqual(['12-06 7345', '12-07（部分数据） 5000']);
    expect(chartRows(container, 'chart-counts')).toEqual([
      '12-06 支付订单 35',
      '12-06 新增会员 25',
      '12-07（部分数据） 支付订单 25',
      '12-07（部分数据） 新增会员 15',
    ]);
    // A tier without members is left out of the distribution.
    expect(chartRows(container, 'chart-tiers')).toEqual(['普通会员 1000', '银卡会员 200', '金卡会员 50']);
    expect(chartRows(container, 'chart-funnel')).toEqual(['新增会员 40', '首单 18', '复购（第二单） 7']);
    expect(chartRows(container, 'chart-points')).toHaveLength(6);
    expect(chartRows(container, 'chart-coupons')).toEqual(['新人券 ¥10 发放 40', '新人券 ¥10 使用 15', '生日券 发放 10', '生日券 使用 5']);
    expect(chartRows(container, 'chart-channels')).toEqual([
      '12-06 线上商城 6000',
      '12-06 门店 1345',
      '12-07（部分数据） 线上商城 4000',
      '12-07（部分数据） 门店 1000',
    ]);
    const coupons = container.querySelector('.dashboard-coupons') as HTMLElement;
    expect(within(coupons).getByText('新人券 ¥10')).toBeTruthy();
    expect(within(coupons).getAllByText('¥150.00')).toHaveLength(2);
  });

  it('shows members by lifecycle stage, and no such card before any profile refresh', async () => {
    const { client } = mockClient(async () => dashboardView());
    const { container, unmount } = renderSignedIn(<DashboardPage />, client);
    await screen.findByText('¥12,345.00', {}, { timeout: 10_000 });
    const card = container.querySelector('.dashboard-lifecycle') as HTMLElement;
    expect(within(card).getByText('沉睡')).toBeTruthy();
    expect(card.querySelector('.dashboard-stage-active')?.textContent).toContain('600');
    expect(card.querySelector('.dashboard-stage-active')?.textContent).toContain('(48%)');
    unmount();
    const { client: before } = mockClient(async () => ({ ...dashboardView(), stages: null }));
    const again = renderSignedIn(<DashboardPage />, before);
    await screen.findByText('¥12,345.00', {}, { timeout: 10_000 });
    expect(again.container.querySelector('.dashboard-lifecycle')).toBeNull();
  });

  it('loads the last 30 days when chosen', async () => {
    const { client, call } = mockClient(async (_action, payload) => {
      const { from, to } = payload as AdminPayload<'getDashboard'>;
      return dashboardView(from, to);
    });
    renderSignedIn(<DashboardPage />, client);
    await screen.findByText('¥12,345.00', {}, { timeout: 10_000 });

    fireEvent.click(screen.getByText('近 30 天'));
    await waitFor(() => expect(callsOf(call, 'getDashboard')).toHaveLength(2));
    expect(callsOf(call, 'getDashboard')[1]?.[1]).toEqual({ token: TEST_TOKEN, ...lastDays(30) });
  });

  it('says so when the range has no figures yet', async () => {
    const { client } = mockClient(async () => ({
      ...dashboardView(),
      current: periodOf('2026-12-01', '2026-12-07'),
      previous: periodOf('2026-11-24', '2026-11-30'),
      days: [],
      coupons: [],
      partial: false,
      asOf: null,
    }));
    const { container } = renderSignedIn(<DashboardPage />, client);

    expect(await screen.findByText(/该时间段还没有统计数据/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(container.querySelector('.dashboard-kpis')).toBeNull();
  });

  it('shows a failed load with a retry that loads again', async () => {
    let calls = 0;
    const { client } = mockClient(async () => {
      calls += 1;
      if (calls === 1) throw new AdminApiError('INTERNAL', 'boom');
      return dashboardView();
    });
    const { container } = renderSignedIn(<DashboardPage />, client);

    const alert = await screen.findByText('数据看板加载失败', {}, { timeout: 10_000 });
    expect(container.querySelector('.dashboard-kpis')).toBeNull();
    fireEvent.click(within(alert.closest('.dashboard-error') as HTMLElement).getByRole('button'));
    expect(await screen.findByText('¥12,345.00', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('数据看板加载失败')).toBeNull();
  });

  it('shows a spinner while loading and hands a lost session back', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const { client } = mockClient(() => new Promise((resolve) => (answer = resolve)));
    const { container } = renderSignedIn(<DashboardPage />, client);
    await waitFor(() => expect(container.querySelector('.dashboard-loading')).not.toBeNull());
    answer(dashboardView());
    expect(await screen.findByText('¥12,345.00', {}, { timeout: 10_000 })).toBeTruthy();

    const onSessionLost = jest.fn();
    const lost = mockClient(async () => {
      throw new AdminApiError('SESSION_EXPIRED', 'expired');
    });
    renderSignedIn(<DashboardPage />, lost.client, { onSessionLost });
    await waitFor(() => expect(onSessionLost).toHaveBeenCalled());
  });
});
