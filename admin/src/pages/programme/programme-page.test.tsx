import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_PROGRAMME, DEFAULT_TIERS } from '~/core/tiers/default-programme';
import type { AdminRole } from '~/types/documents';
import type { AdminProgrammeResponses, ProgrammeVersionView } from '~/types/functions/admin-programme';
import { AdminApiError } from '../../api/client';
import type { AdminPayload } from '../../api/client';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandlers } from '../../test/mock-client';
import { ProgrammePage } from './programme-page';

// A form of validated boxes in tabs takes tens of seconds per flow in jsdom on a busy two-core machine.
jest.setTimeout(120_000);

// 02:00 UTC is 10:00 in Asia/Shanghai.
const NOW = Date.UTC(2027, 2, 1, 2, 0);
const rules = { programme: DEFAULT_PROGRAMME, tiers: [...DEFAULT_TIERS] };

function version(n: number, fields: Partial<ProgrammeVersionView> = {}): ProgrammeVersionView {
  return {
    version: n,
    ...rules,
    effectiveAt: n === 1 ? 0 : NOW - (10 - n) * 86_400_000,
    status: 'published',
    author: n === 1 ? 'system' : 'owner',
    createdAt: NOW - (10 - n) * 86_400_000,
    note: '',
    basedOn: n === 1 ? null : n - 1,
    restoredFrom: null,
    cancelledAt: null,
    cancelledBy: null,
    ...fields,
  };
}

const TEMPLATES = ['welcome', 'comeback', 'birthday-normal', 'birthday-silver', 'birthday-gold', 'birthday-diamond'].map((id) => ({
  templateId: id,
  title: `券${id}`,
  status: 'active' as const,
}));

const FRESH: AdminProgrammeResponses['getProgramme'] = {
  current: { version: 0, effectiveAt: null, ...rules },
  latest: { version: 0, effectiveAt: null, ...rules },
  scheduled: [],
  history: [],
  templates: TEMPLATES,
  now: NOW,
};

const PREVIEW: AdminProgrammeResponses['previewProgramme'] = {
  problems: [],
  changes: [{ key: 'checkIn.dailyPoints', label: '每日签到', before: '5积分', after: '10积分' }],
  impact: { members: 1_204, purchasesLast30Days: 310, tiers: { higher: 0, lower: 0, byTier: [], examined: 0, capped: false } },
};

function renderPage(overrides: ActionHandlers = {}, role: AdminRole = 'owner') {
  const { client, call } = pageClient(
    {
      getProgramme: async () => FRESH,
      previewProgramme: async () => PREVIEW,
      publishProgramme: async () => version(2, { effectiveAt: NOW + 30_000 }),
    },
    overrides,
  );
  return { call, ...renderSignedIn(<ProgrammePage />, client, { role }) };
}

const box = (container: HTMLElement, selector: string) => container.querySelector(`${selector} input`) as HTMLInputElement;
const type = (input: HTMLInputElement, value: string) => fireEvent.change(input, { target: { value } });
const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('ProgrammePage', () => {
  it('edits the check-in reward, previews the difference and its reach, and publishes it as a new version', async () => {
    const { call, container } = renderPage();
    expect(await screen.findByText('当前规则：初始规则（尚未发布过版本）')).toBeTruthy();
    openTab('银卡会员');
    expect(box(container, '.programme-tier-1 .programme-tier-entry').value).toBe('1000.00');
    openTab('签到与奖励');
    expect(box(container, '.programme-dailyPoints').value).toBe('5');
    expect(screen.getByText('还没有发布过版本：修改规则并发布后，当前规则会作为第1版保存在这里')).toBeTruthy();
    expect((screen.getByRole('button', { name: '发布新版本' }) as HTMLButtonElement).disabled).toBe(true);

    type(box(container, '.programme-dailyPoints'), '10');
    fireEvent.click(screen.getByRole('button', { name: '预览变更' }));
    await waitFor(() => expect(callsOf(call, 'previewProgramme')).toHaveLength(1));
    const [, sent] = callsOf(call, 'previewProgramme')[0] as [string, AdminPayload<'previewProgramme'>];
    expect(sent.draft.checkIn).toEqual({ dailyPoints: 10, streakDays: 7, streakBonusPoints: 20 });
    expect(sent.draft.tiers[1]).toMatchObject({
      tierId: 'silver',
      entrySpendFen: 100_000,
      keepSpendFen: 80_000,
      freeShippingThresholdFen: 9_900,
    });

    const diff = (await screen.findByText('与当前生效版本相比，共 1 项修改')).closest('.programme-diff') as HTMLElement;
    expect(within(diff).getByText('每日签到')).toBeTruthy();
    expect(within(diff).getByText('10积分')).toBeTruthy();
    expect(screen.getByText(/生效后全部 1204 位会员的签到和消费按新规则计算（近30天共 310 笔消费）/)).toBeTruthy();
    expect(screen.getByText(/下次评审时没有会员因门槛调整而改变等级/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '发布新版本' }));
    const confirm = (await screen.findByText('发布为第2版？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: '确认发布' }));
    await waitFor(() => expect(callsOf(call, 'publishProgramme')).toHaveLength(1));
    const [, published] = callsOf(call, 'publishProgramme')[0] as [string, AdminPayload<'publishProgramme'>];
    expect(published).toMatchObject({ token: TEST_TOKEN, basedOn: 0, effectiveAt: null, note: '', draft: sent.draft });
    expect(published.requestKey).toMatch(/^desk-[0-9a-f]{32}$/);
    expect(await screen.findByText(/第2版已发布，将于 2027-03-01 10:00 生效/)).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'getProgramme')).toHaveLength(2));
  });

  it('refuses a ladder that breaks the rules before sending, marking the box', async () => {
    const { call, container } = renderPage();
    await screen.findByText('当前规则：初始规则（尚未发布过版本）');
    openTab('银卡会员');
    type(box(container, '.programme-tier-1 .programme-tier-keep'), '1200');
    fireEvent.click(screen.getByRole('button', { name: '预览变更' }));
    expect(await screen.findByText('以下规则需要修改后才能发布')).toBeTruthy();
    expect(screen.getAllByText('银卡会员的保级门槛不能高于入会门槛（¥1,000）').length).toBeGreaterThanOrEqual(2);
    expect(callsOf(call, 'previewProgramme')).toHaveLength(0);

    type(box(container, '.programme-tier-1 .programme-tier-keep'), '12.345');
    fireEvent.click(screen.getByRole('button', { name: '预览变更' }));
    expect(await screen.findByText('请填写金额（元），最多两位小数')).toBeTruthy();
    expect(callsOf(call, 'previewProgramme')).toHaveLength(0);
  });

  it('keeps what was typed when publishing fails, and retries with the same request key', async () => {
    let failures = 1;
    const { call, container } = renderPage({
      publishProgramme: async () => {
        if (failures-- > 0) throw new AdminApiError('CONFLICT', '规则已更新到第3版，请刷新后在最新版本上修改');
        return version(2);
      },
    });
    await screen.findByText('当前规则：初始规则（尚未发布过版本）');
    openTab('签到与奖励');
    type(box(container, '.programme-dailyPoints'), '10');
    type(container.querySelector('input.programme-note') as HTMLInputElement, '签到翻倍');
    fireEvent.click(screen.getByRole('button', { name: '预览变更' }));
    await screen.findByText('与当前生效版本相比，共 1 项修改');
    const publish = async () => {
      fireEvent.click(screen.getByRole('button', { name: '发布新版本' }));
      const confirm = (await screen.findByText('发布为第2版？')).closest('.ant-popover') as HTMLElement;
      fireEvent.click(within(confirm).getByRole('button', { name: '确认发布' }));
    };
    await publish();
    expect(await screen.findByText('操作失败：规则已更新到第3版，请刷新后在最新版本上修改')).toBeTruthy();
    expect(box(container, '.programme-dailyPoints').value).toBe('10');
    expect((container.querySelector('input.programme-note') as HTMLInputElement).value).toBe('签到翻倍');

    await publish();
    await waitFor(() => expect(callsOf(call, 'publishProgramme')).toHaveLength(2));
    const [first, second] = callsOf(call, 'publishProgramme').map(
      ([, payload]) => (payload as AdminPayload<'publishProgramme'>).requestKey,
    );
    expect(second).toBe(first);
    expect(callsOf(call, 'publishProgramme')[1]?.[1]).toMatchObject({ note: '签到翻倍' });
  });

  it('lists the scheduled versions with cancel and the history with restore', async () => {
    const scheduled = version(4, { effectiveAt: NOW + 86_400_000, note: '国庆活动' });
    const programme: AdminProgrammeResponses['getProgramme'] = {
      ...FRESH,
      current: { version: 3, effectiveAt: NOW - 7 * 86_400_000, ...rules },
      latest: { version: 4, effectiveAt: NOW + 86_400_000, ...rules },
      scheduled: [scheduled],
      history: [scheduled, version(3), version(2, { status: 'cancelled', effectiveAt: NOW - 5 * 86_400_000 }), version(1)],
    };
    const { call, container } = renderPage({
      getProgramme: async () => programme,
      cancelProgrammeVersion: async () => ({ ...scheduled, status: 'cancelled' }),
      restoreProgrammeVersion: async () => version(5, { restoredFrom: 1, effectiveAt: NOW + 30_000 }),
    });
    expect(await screen.findByText('第4版将于 2027-03-02 10:00 生效')).toBeTruthy();
    const history = container.querySelector('.programme-history') as HTMLElement;
    const rows = Array.from(history.querySelectorAll('tbody tr.ant-table-row'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent),
    );
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['第4版', '待生效', '2027-03-02 10:00', 'owner'],
      ['第3版', '当前生效', '2027-02-22 10:00', 'owner'],
      ['第2版', '已取消', '2027-02-24 10:00', 'owner'],
      ['第1版', '已被替代', '最初', '系统'],
    ]);
    expect(screen.getByText('共 4 个版本')).toBeTruthy();

    fireEvent.click(within(container.querySelector('.programme-scheduled') as HTMLElement).getByRole('button', { name: '取消版本' }));
    const confirm = (await screen.findByText('取消第4版？')).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: '取消该版本' }));
    await waitFor(() => expect(callsOf(call, 'cancelProgrammeVersion')[0]?.[1]).toEqual({ token: TEST_TOKEN, version: 4 }));
    expect(await screen.findByText('第4版已取消')).toBeTruthy();

    const restoreButtons = within(history).getAllByRole('button', { name: '恢复此版本' });
    fireEvent.click(restoreButtons[restoreButtons.length - 1] as HTMLElement);
    const modal = (await screen.findByText('恢复第1版')).closest('.ant-modal') as HTMLElement;
    fireEvent.click(within(modal).getByRole('button', { name: '恢复为新版本' }));
    await waitFor(() => expect(callsOf(call, 'restoreProgrammeVersion')).toHaveLength(1));
    expect(callsOf(call, 'restoreProgrammeVersion')[0]?.[1]).toMatchObject({ token: TEST_TOKEN, version: 1, effectiveAt: null, note: '' });
    expect(await screen.findByText(/已恢复为第5版/)).toBeTruthy();
  });

  it('shows a failed load with a retry, and lets an analyst read but not change', async () => {
    let failures = 1;
    const { unmount } = renderPage({
      getProgramme: async () => {
        if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
        return FRESH;
      },
    });
    expect(await screen.findByText('规则加载失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('当前规则：初始规则（尚未发布过版本）')).toBeTruthy();
    unmount();

    const analyst = renderPage(
      { getProgramme: async () => ({ ...FRESH, history: [version(1)], current: { ...FRESH.current, version: 1, effectiveAt: 0 } }) },
      'analyst',
    );
    await screen.findByText('当前生效：最初的规则');
    expect(screen.queryByRole('button', { name: '预览变更' })).toBeNull();
    openTab('签到与奖励');
    expect(screen.queryByRole('button', { name: '恢复此版本' })).toBeNull();
    expect(box(analyst.container, '.programme-dailyPoints').disabled).toBe(true);
    analyst.unmount();

    renderPage({}, 'support');
    expect(screen.getByText('当前角色不能查看规则设置')).toBeTruthy();
  });
});
