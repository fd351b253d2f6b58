import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { campaignResults, addOutcome } from '~/core/marketing/campaign-results';
import type { CampaignTallies } from '~/core/marketing/campaign-results';
import type { CampaignDoc } from '~/types/campaigns';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandlers } from '../../test/mock-client';
import { CampaignsPage } from './campaigns-page';

jest.setTimeout(60_000);

const AT = Date.UTC(2027, 2, 1, 2, 30);

function campaign(id: string, fields: Partial<CampaignDoc> = {}): CampaignDoc {
  return {
    _id: id,
    name: '金卡回馈',
    segmentId: 'seg-gold',
    rule: { join: 'and', groups: [] },
    reason: '因为你是金卡会员',
    holdoutPercent: 10,
    variants: [{ key: 'A', templateId: 'entry-39-5', percent: 100 }],
    sendMessage: false,
    budget: { total: null, perDay: null, perMemberPerMonth: 1 },
    resultDays: 30,
    status: 'draft',
    cursor: null,
    counts: { members: 0, holdout: 0, treated: 0, issued: 0, capped: 0, failed: 0 },
    launchedAt: null,
    finishedAt: null,
    createdBy: 'admin',
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

const sent = campaign('cmp-sent', {
  name: '好久不见',
  status: 'sent',
  launchedAt: AT,
  counts: { members: 100, holdout: 10, treated: 90, issued: 85, capped: 5, failed: 0 },
});
const draft = campaign('cmp-draft');

function results() {
  const tallies: CampaignTallies = {};
  for (const [group, fen] of [
    ['holdout', 0],
    ['holdout', 1000],
    ['A', 2000],
    ['A', 0],
  ] as const)
    addOutcome(tallies, 2, {
      group,
      spends: fen ? [{ dayIndex: 0, amountFen: fen }] : [],
      purchases: fen ? 1 : 0,
      couponUsed: fen > 0 && group === 'A',
      couponDiscountFen: group === 'A' && fen ? 500 : 0,
      pointsEarned: 0,
    });
  return campaignResults(tallies, { from: AT, to: AT + 2 * 86_400_000, asOf: AT + 2 * 86_400_000, days: 2, pointsPerYuan: 100 });
}

/** The element matching `selector`, once it is there. */
const appears = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector<HTMLElement>(selector);
    if (!found) throw new Error(`no ${selector} yet`);
    return found;
  });

const defaults: ActionHandlers = {
  listCampaigns: async () => ({ items: [draft, sent], nextCursor: null }),
  listCouponTemplates: async () => ({ items: [{ _id: 'entry-39-5', title: '满39减5券' }], nextCursor: null }),
  listSegments: async () => ({
    items: [
      {
        _id: 'seg-gold',
        name: '金卡会员',
        description: '',
        rule: { join: 'and', groups: [] },
        lastCount: 1280,
        countedAt: AT,
        status: 'active',
        createdBy: 'admin',
        createdAt: AT,
        updatedAt: AT,
      },
      {
        _id: 'seg-new',
        name: '新会员',
        description: '',
        rule: { join: 'and', groups: [] },
        lastCount: null,
        countedAt: null,
        status: 'active',
        createdBy: 'admin',
        createdAt: AT,
        updatedAt: AT,
      },
    ],
  }),
  getCampaignResults: async () => results(),
  launchCampaign: async () => ({ ...draft, status: 'freezing' }),
  saveCampaign: async () => campaign('cmp-new'),
};

describe('营销活动', () => {
  it('lists campaigns with their status and counts, and launches a draft after confirmation', async () => {
    const { client, call } = pageClient(defaults);
    renderSignedIn(<CampaignsPage />, client);
    await screen.findByText('好久不见');
    expect(screen.getByText('草稿')).toBeTruthy();
    expect(screen.getByText('已发放')).toBeTruthy();
    expect(screen.getByText('100（10/90）')).toBeTruthy();
    expect(screen.getByText('85/5')).toBeTruthy();

    // The row actions e2e tests use: 启动 on the draft only, 效果 on the launched campaign only.
    expect(document.querySelectorAll('.campaign-launch')).toHaveLength(1);
    expect(document.querySelectorAll('.campaign-results')).toHaveLength(1);
    fireEvent.click(document.querySelector('.campaign-launch') as HTMLElement);
    expect(callsOf(call, 'launchCampaign')).toHaveLength(0);
    const confirm = await screen.findByText('启动后将圈定人群并发券，且不可再次启动，确定启动？');
    const popup = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(popup.querySelector('.campaign-launch-confirm') as HTMLElement);
    await waitFor(() => expect(callsOf(call, 'launchCampaign')).toHaveLength(1));
    expect(callsOf(call, 'launchCampaign')[0]?.[1]).toEqual({ token: TEST_TOKEN, campaignId: 'cmp-draft' });
  });

  it('saves a draft from the drawer with the segment picked by name, the reason, holdout, variant and budget', async () => {
    const { client, call } = pageClient(defaults);
    renderSignedIn(<CampaignsPage />, client);
    await screen.findByText('好久不见');
    fireEvent.click(screen.getByRole('button', { name: /新建活动/ }));
    const drawer = await appears('.create-campaign-drawer');
    // By the class names e2e tests use.
    fireEvent.change(drawer.querySelector('input.campaign-name') as HTMLElement, { target: { value: '金卡春季回馈' } });
    fireEvent.change(drawer.querySelector('.campaign-holdout input') as HTMLElement, { target: { value: '20' } });
    fireEvent.change(drawer.querySelector('.campaign-budget-total input') as HTMLElement, { target: { value: '500' } });
    fireEvent.change(within(drawer).getByPlaceholderText('例如：因为你是金卡会员'), { target: { value: '因为你是金卡会员' } });
    await waitFor(() => expect(callsOf(call, 'listCouponTemplates')).toHaveLength(1));
    await waitFor(() => expect(callsOf(call, 'listSegments')).toHaveLength(1));
    expect(callsOf(call, 'listSegments')[0]?.[1]).toEqual({ token: TEST_TOKEN });
    await chooseOption(drawer.querySelector('.campaign-segment') as HTMLElement, '新会员（未统计）');
    await chooseOption(drawer.querySelector('.campaign-segment') as HTMLElement, '金卡会员（1280 人）');
    await chooseOption(drawer.querySelector('.campaign-variant-template') as HTMLElement, '满39减5券');
    fireEvent.click(within(drawer).getByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(callsOf(call, 'saveCampaign')).toHaveLength(1));
    expect(callsOf(call, 'saveCampaign')[0]?.[1]).toEqual({
      token: TEST_TOKEN,
      name: '金卡春季回馈',
      segmentId: 'seg-gold',
      reason: '因为你是金卡会员',
      holdoutPercent: 20,
      variants: [{ key: 'A', templateId: 'entry-39-5', percent: 100 }],
      sendMessage: false,
      budget: { total: 500, perDay: null, perMemberPerMonth: 1 },
      resultDays: 30,
    });
  });

  it('shows the results per group with 95 % intervals, the method, and the groups over time', async () => {
    const { client } = pageClient(defaults);
    renderSignedIn(<CampaignsPage />, client);
    await screen.findByText('好久不见');
    fireEvent.click(document.querySelector('.campaign-results') as HTMLElement);
    const table = await appears('.campaign-results-drawer .campaign-results-table');
    expect(table.querySelectorAll('.campaign-results-row--holdout, .campaign-results-row--A')).toHaveLength(2);
    expect(within(table).getByText('对照组')).toBeTruthy();
    expect(within(table).getByText('方案 A')).toBeTruthy();
    // 1 of 2 with its Wilson interval: the holdout's conversion, and variant A's coupon use and conversion.
    expect(within(table).getAllByText('50.0%（9.5%–90.5%）')).toHaveLength(3);
    // The holdout's row has no coupon use.
    expect(within(table).getAllByText('—').length).toBeGreaterThan(0);
    expect(document.querySelector('.campaign-results-method')?.textContent).toMatch(/95% 置信区间.*Wilson/);
    const chart = await appears('.campaign-results-drawer .campaign-results-chart [data-chart="Line"]');
    expect(chart.getAttribute('data-rows')).toBe('4');
  });

  it('lets an analyst read results but not create, launch or stop', async () => {
    const { client } = pageClient(defaults);
    renderSignedIn(<CampaignsPage />, client, { role: 'analyst' });
    await screen.findByText('好久不见');
    expect(screen.queryByRole('button', { name: /新建活动/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /启\s*动/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /停\s*止/ })).toBeNull();
    expect(screen.getByRole('button', { name: /效\s*果/ })).toBeTruthy();
  });
});
