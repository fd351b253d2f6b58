import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AdjustmentResult, LedgerRow, MemberDetail } from '~/types/functions/admin-members';
import { AdminApiError } from '../../api/client';
import type { AdminAction, AdminClient, AdminPayload } from '../../api/client';
import { AT, approvalView, memberDetail } from '../../test/member-fixtures';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { MemberDetailDrawer } from './member-detail-drawer';
import { MORE_PAGE_SIZE } from './member-records';

// A drawer of tables, tabs and validated dialogs takes several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

function detailClient(actions: ActionHandlers = {}, detail: MemberDetail = memberDetail()) {
  return pageClient(
    { getMemberDetail: async () => detail, getMemberTags: async () => ({ memberId: detail.member.memberId, tags: [] }) },
    actions,
  );
}

function renderDrawer(client: AdminClient, onChanged = jest.fn()) {
  return renderSignedIn(<MemberDetailDrawer memberId="m1" onClose={jest.fn()} onChanged={onChanged} />, client);
}

const drawer = () => document.querySelector('.member-detail-drawer') as HTMLElement;

describe('MemberDetailDrawer', () => {
  it('shows the profile, tier, points with buckets and pending lots, waiting approvals and the ledger with reasons', async () => {
    const { client, call } = detailClient();
    renderDrawer(client);

    expect(await screen.findByText('会员 · 林小满')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('getMemberDetail', { token: TEST_TOKEN, memberId: 'm1' }, expect.anything());
    const profile = drawer().querySelector('.member-profile') as HTMLElement;
    expect(within(profile).getByText('4100000101')).toBeTruthy();
    expect(within(profile).getByText('138****8000')).toBeTruthy();
    expect(within(profile).getByText('1990-05-20')).toBeTruthy();
    const tier = drawer().querySelector('.member-tier-info') as HTMLElement;
    expect(within(tier).getByText('银卡会员')).toBeTruthy();
    expect(within(tier).getByText('金卡会员还差 ¥3,800.00')).toBeTruthy();
    expect(drawer().querySelector('.member-points-available')?.textContent).toContain('1,205');
    expect(within(drawer().querySelector('.member-buckets-table') as HTMLElement).getByText('1,205')).toBeTruthy();
    expect(within(drawer().querySelector('.member-pending-lots-table') as HTMLElement).getByText('收货后开始计算')).toBeTruthy();
    expect(drawer().querySelector('.member-pending-approvals')?.textContent).toContain('有 1 笔积分调整待审批：+5,000');
    const ledger = drawer().querySelector('.member-ledger-table') as HTMLElement;
    expect(within(ledger).getByText('积分调整：客服补偿')).toBeTruthy();
    expect(within(ledger).getByText('人工调整')).toBeTruthy();
    expect(within(ledger).getByText('bucket:m1:2025-03 +1,000')).toBeTruthy();
    const tabs = Array.from(drawer().querySelectorAll('.member-records-tabs .ant-tabs-tab'), (tab) => tab.textContent);
    expect(tabs).toEqual(['积分明细', '订单', '优惠券', '积分兑换', '签到', '门店消费', '等级变动', '积分审批（1）']);
  });

  it('pages the ledger on with 加载更多', async () => {
    const more = {
      items: [
        {
          ...memberDetail().records.ledger.items[0],
          id: 'checkin:m1:2025-02-28',
          kind: 'checkin',
          reason: '每日签到',
          at: AT - 86_400_000,
        },
      ],
      nextCursor: null,
    };
    const listMemberRecords = jest.fn<ActionHandler>(async () => more);
    const { client } = detailClient({ listMemberRecords });
    renderDrawer(client);
    await screen.findByText('会员 · 林小满');

    fireEvent.click(drawer().querySelector('.member-ledger-more') as HTMLElement);
    await waitFor(() =>
      expect(listMemberRecords).toHaveBeenCalledWith('listMemberRecords', {
        token: TEST_TOKEN,
        memberId: 'm1',
        kind: 'ledger',
        pageSize: MORE_PAGE_SIZE,
        cursor: 'ledger-2',
      }),
    );
    expect(await within(drawer().querySelector('.member-ledger-table') as HTMLElement).findByText('每日签到')).toBeTruthy();
    expect(drawer().querySelector('.member-ledger-more')).toBeNull();
  });

  it('adjusts points above the threshold as a request for approval, and reloads the member', async () => {
    const adjustPoints = jest.fn<ActionHandler>(
      async () => ({ status: 'pending', created: true, approval: approvalView(9, { points: 5_000 }) }) satisfies AdjustmentResult,
    );
    const onChanged = jest.fn();
    const { client, call } = detailClient({ adjustPoints });
    renderDrawer(client, onChanged);
    await screen.findByText('会员 · 林小满');

    fireEvent.click(drawer().querySelector('.adjust-points-button') as HTMLElement);
    const dialog = (await screen.findByText('调整积分 · 林小满')).closest('.ant-modal') as HTMLElement;
    expect(within(dialog).getByText(/单次调整超过 1,000 积分需另一位管理员审批后生效/)).toBeTruthy();
    fireEvent.change(dialog.querySelector('.adjust-points-input input') as HTMLInputElement, { target: { value: '5000' } });
    fireEvent.change(dialog.querySelector('input.adjust-reason') as HTMLInputElement, { target: { value: ' 大额补偿 ' } });
    expect(await within(dialog).findByText('超过审批额度：提交后待另一位管理员审批，通过后积分才到账')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '提交审批' }));

    await waitFor(() => expect(adjustPoints).toHaveBeenCalled());
    const [, payload] = adjustPoints.mock.calls[0] as [AdminAction, AdminPayload<'adjustPoints'>];
    expect(payload).toEqual({
      token: TEST_TOKEN,
      memberId: 'm1',
      points: 5_000,
      reason: '大额补偿',
      requestKey: expect.stringMatching(/^desk-[0-9a-f]{32}$/),
    });
    expect(await screen.findByText('调整 +5,000 积分已提交，待另一位管理员审批')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'getMemberDetail')).toHaveLength(2));
    expect(onChanged).toHaveBeenCalled();
  });

  it('keeps the dialog open with the server’s reason, sends the same request key when tried again, then shows the entry', async () => {
    let failures = 1;
    const adjustPoints = jest.fn<ActionHandler>(async () => {
      if (failures-- > 0) throw new AdminApiError('INSUFFICIENT_POINTS', '积分不足：需要 2000，可用 1205');
      return { status: 'posted', entryId: 'adjust:m1:k', available: 1_105, created: true } satisfies AdjustmentResult;
    });
    const before = memberDetail();
    const posted: LedgerRow = {
      ...(before.records.ledger.items[0] as LedgerRow),
      id: 'adjust:m1:k',
      available: -100,
      reason: '积分调整：误发积分',
    };
    const after = memberDetail({
      records: { ...before.records, ledger: { items: [posted, ...before.records.ledger.items], nextCursor: 'ledger-2' } },
    });
    let loads = 0;
    const { client } = detailClient({ adjustPoints, getMemberDetail: async () => (loads++ === 0 ? before : after) });
    renderDrawer(client);
    await screen.findByText('会员 · 林小满');

    fireEvent.click(drawer().querySelector('.adjust-points-button') as HTMLElement);
    const dialog = (await screen.findByText('调整积分 · 林小满')).closest('.ant-modal') as HTMLElement;
    fireEvent.click(within(dialog).getByText('扣减'));
    fireEvent.change(dialog.querySelector('.adjust-points-input input') as HTMLInputElement, { target: { value: '100' } });
    fireEvent.change(dialog.querySelector('input.adjust-reason') as HTMLInputElement, { target: { value: '误发积分' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认调整' }));
    expect(await within(dialog).findByText('积分不足：需要 2000，可用 1205')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认调整' }));
    await waitFor(() => expect(adjustPoints).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('积分已调整，当前可用积分 1,105', undefined, { timeout: 5_000 })).toBeTruthy();
    const payloads = adjustPoints.mock.calls.map(([, payload]) => payload as AdminPayload<'adjustPoints'>);
    expect(payloads.map((payload) => payload.points)).toEqual([-100, -100]);
    expect(payloads[1]?.requestKey).toBe(payloads[0]?.requestKey);
    expect(await within(drawer().querySelector('.member-ledger-table') as HTMLElement).findByText('积分调整：误发积分')).toBeTruthy();
  });

  it('voids an unused coupon with a reason', async () => {
    const voidCoupon = jest.fn<ActionHandler>(async () => ({}));
    const { client } = detailClient({ voidCoupon });
    renderDrawer(client);
    await screen.findByText('会员 · 林小满');

    fireEvent.click(within(drawer().querySelector('.member-records-tabs') as HTMLElement).getByText('优惠券'));
    fireEvent.click(await waitFor(() => drawer().querySelector('.void-coupon-button') as HTMLElement));
    const dialog = (await screen.findByText('作废优惠券 · 新人券 满59减10')).closest('.ant-modal') as HTMLElement;
    fireEvent.change(dialog.querySelector('textarea.void-reason, .void-reason textarea') as HTMLTextAreaElement, {
      target: { value: '发放错误' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /作\s*废/ }));
    await waitFor(() =>
      expect(voidCoupon).toHaveBeenCalledWith('voidCoupon', { token: TEST_TOKEN, instanceId: 'welcome:m1', reason: '发放错误' }),
    );
    expect(await screen.findByText('优惠券「新人券 满59减10」已作废')).toBeTruthy();
  });

  it('sets a tier floor until the end of the chosen day, Shanghai time', async () => {
    const setTierOverride = jest.fn<ActionHandler>(async () => ({ ...memberDetail().tier, id: 'gold', name: '金卡会员' }));
    const next = new Date(Date.now() + 200 * 86_400_000);
    const [year, month, date] = [next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate()];
    const day = `${year}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
    const { client } = detailClient({ setTierOverride });
    renderDrawer(client);
    await screen.findByText('会员 · 林小满');

    fireEvent.click(drawer().querySelector('.tier-override-button') as HTMLElement);
    const dialog = (await screen.findByText('调整等级 · 林小满')).closest('.ant-modal') as HTMLElement;
    fireEvent.mouseDown(dialog.querySelector('.tier-override-tier') as HTMLElement);
    fireEvent.click(await screen.findByTitle('金卡会员'));
    const until = dialog.querySelector('.tier-override-until input') as HTMLInputElement;
    fireEvent.mouseDown(until);
    fireEvent.change(until, { target: { value: day } });
    fireEvent.keyDown(until, { key: 'Enter', code: 'Enter' });
    fireEvent.change(dialog.querySelector('input.tier-override-reason') as HTMLInputElement, { target: { value: '大客户保级' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认调整' }));

    await waitFor(() => expect(setTierOverride).toHaveBeenCalled());
    expect(setTierOverride.mock.calls[0]?.[1]).toEqual({
      token: TEST_TOKEN,
      memberId: 'm1',
      tierId: 'gold',
      kind: 'floor',
      // The whole chosen day in Shanghai: up to 16:00 UTC, when the next day starts there.
      until: Date.UTC(year, month, date, 16) - 1,
      reason: '大客户保级',
      requestKey: expect.stringMatching(/^desk-/),
    });
    expect(await screen.findByText('等级已调整为金卡会员')).toBeTruthy();
  });

  it('offers only what the role may do, and lets an approver decide from the member', async () => {
    const readOnly = memberDetail({
      can: { adjustPoints: false, setTierOverride: false, setMemberBirthday: false, voidCoupon: false, decideApprovals: false },
    });
    const { client } = detailClient({}, readOnly);
    renderDrawer(client);
    await screen.findByText('会员 · 林小满');
    expect(drawer().querySelector('.adjust-points-button')).toBeNull();
    expect(drawer().querySelector('.tier-override-button')).toBeNull();
    expect(drawer().querySelector('.birthday-button')).toBeNull();
    fireEvent.click(within(drawer().querySelector('.member-records-tabs') as HTMLElement).getByText('优惠券'));
    await waitFor(() => expect(drawer().querySelector('.member-coupons-table')).not.toBeNull());
    expect(drawer().querySelector('.void-coupon-button')).toBeNull();
    fireEvent.click(within(drawer().querySelector('.member-records-tabs') as HTMLElement).getByText('积分审批（1）'));
    expect(await within(drawer()).findByText('待他人审批')).toBeTruthy();
  });

  it('decides an approval from the member, staying on 积分审批 with the outcome in view', async () => {
    const waiting = approvalView(1, { memberId: 'm1', nickname: '林小满', mayDecide: true, requestedBy: 'ops' });
    const detail = memberDetail({ records: { ...memberDetail().records, approvals: { items: [waiting], nextCursor: null } } });
    let refusals = 1;
    const approveAdjustment = jest.fn<ActionHandler>(async () => {
      if (refusals-- > 0) throw new AdminApiError('FORBIDDEN', '不能审批自己提交的积分调整，请由另一位管理员审批');
      return { ...waiting, status: 'approved', decidedBy: 'owner', decidedAt: AT, mayDecide: false, available: 6_205 };
    });
    const { client, call } = detailClient({ approveAdjustment }, detail);
    renderDrawer(client);
    await screen.findByText('会员 · 林小满');
    fireEvent.click(within(drawer().querySelector('.member-records-tabs') as HTMLElement).getByText('积分审批（1）'));

    const approve = async () => {
      fireEvent.click(await waitFor(() => drawer().querySelector('.approve-adjustment-button') as HTMLElement));
      const confirm = (await screen.findByText('通过积分调整 +5,000？')).closest('.ant-popover') as HTMLElement;
      fireEvent.click(within(confirm).getByRole('button', { name: /通\s*过/ }));
    };
    await approve();
    await waitFor(() => expect(callsOf(call, 'getMemberDetail')).toHaveLength(2));
    expect(await waitFor(() => drawer().querySelector('.approval-action-error')?.textContent, { timeout: 5_000 })).toContain(
      '积分调整 +5,000（林小满）未通过：不能审批自己提交的积分调整，请由另一位管理员审批',
    );
    expect(drawer().querySelector('.member-records-tabs .ant-tabs-tab-active')?.textContent).toBe('积分审批（1）');

    await approve();
    await waitFor(() => expect(approveAdjustment).toHaveBeenCalledTimes(2));
    expect(approveAdjustment).toHaveBeenLastCalledWith('approveAdjustment', { token: TEST_TOKEN, approvalId: waiting.id });
    // On a busy two-core machine the message has taken more than 5 s to appear in jsdom.
    expect(await screen.findByText('已通过 林小满 的积分调整 +5,000，当前可用积分 6,205', undefined, { timeout: 10_000 })).toBeTruthy();
  });

  it('shows a failed load with a retry', async () => {
    let failures = 1;
    const { client } = detailClient({
      getMemberDetail: async () => {
        if (failures-- > 0) throw new AdminApiError('NETWORK_ERROR', 'offline');
        return memberDetail();
      },
    });
    renderDrawer(client);
    expect(await screen.findByText('会员详情加载失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('会员 · 林小满')).toBeTruthy();
  });
});
