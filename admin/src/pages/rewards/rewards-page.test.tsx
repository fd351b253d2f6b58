import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { newReward } from '~/core/rewards/new-reward';
import { toAdminRewardRow } from '~/core/rewards/reward-rules';
import type { AdminRedemptionRow, AdminRewardRow } from '~/types/functions/admin-rewards';
import { AdminApiError } from '../../api/client';
import type { AdminClient, AdminPayload } from '../../api/client';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import type { AdminRole } from '~/types/documents';
import { RewardsPage } from './rewards-page';

// Drawers with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(120_000);

// 02:00 UTC is 10:00 in Asia/Shanghai.
const AT = Date.UTC(2026, 11, 1, 2, 0);

const tote: AdminRewardRow = toAdminRewardRow({
  ...newReward({ _id: 'canvas-tote', title: '品牌帆布袋', pointsCost: 800, totalStock: 50, category: '周边' }, AT),
  stockRemaining: 47,
  minTierId: 'gold',
});
const mug: AdminRewardRow = toAdminRewardRow({
  ...newReward({ _id: 'mug', title: '限定马克杯', pointsCost: 1_500, totalStock: 10, kind: 'pointsCash', cashFen: 990 }, AT),
  status: 'paused',
});

const awaiting: AdminRedemptionRow = {
  _id: 'redeem:m1:tap-0001',
  memberId: 'm1',
  rewardId: 'canvas-tote',
  title: '品牌帆布袋',
  kind: 'pickup',
  pointsCost: 800,
  cashFen: 0,
  status: 'awaitingPickup',
  progress: 'done',
  failure: null,
  couponInstanceId: null,
  createdAt: AT,
  updatedAt: AT,
  fulfilledAt: null,
  cancelledAt: null,
  hasPickupCode: true,
  member: { memberNo: '1000000001', nickname: '小王', phone: '138****8000' },
  cancellable: true,
};

function rewardsClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listRewards: async () => ({ items: [tote, mug], total: 2 }),
      listTiers: async () => ({
        items: [
          { tierId: 'normal', name: '普通', rank: 0 },
          { tierId: 'gold', name: '金卡', rank: 2 },
        ],
      }),
      listCouponTemplates: async () => ({ items: [], nextCursor: null }),
      listRedemptions: async () => ({ items: [awaiting], nextCursor: null, total: 1 }),
      listStores: async () => ({ items: [{ storeId: 'jingan', name: '静安嘉里店', address: '南京西路', status: 'open' }] }),
    },
    actions,
  );
}

const renderPage = (client: AdminClient, role: AdminRole = 'owner') => renderSignedIn(<RewardsPage />, client, { role });
const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;
const type = (element: Element, value: string) =>
  fireEvent.change(element.matches('input, textarea') ? element : (element.querySelector('input, textarea') as Element), {
    target: { value },
  });

describe('RewardsPage', () => {
  it('lists rewards with price, stock, redeemed count, rules and shelf state, and a total', async () => {
    const { client, call } = rewardsClient();
    const { container } = renderPage(client);
    await screen.findByText('品牌帆布袋');
    expect(call).toHaveBeenCalledWith('listRewards', { token: TEST_TOKEN, status: 'all' }, expect.anything());
    expect((container.querySelector('.rewards-total') as HTMLElement).textContent).toBe('共 2 件');
    const row = rowOf('品牌帆布袋');
    expect(within(row).getByText('800 积分')).toBeTruthy();
    expect(within(row).getByText('47 / 50')).toBeTruthy();
    expect(within(row).getByText('3')).toBeTruthy();
    expect(within(row).getByText(/金卡及以上/)).toBeTruthy();
    expect(within(row).getByText('已上架')).toBeTruthy();
    const cash = rowOf('限定马克杯');
    expect(within(cash).getByText('1,500 积分 + ¥9.90')).toBeTruthy();
    expect(within(cash).getByRole('button', { name: /上\s*架/ })).toBeTruthy();
  });

  it('shows the empty and the error state, and retries', async () => {
    let fail = true;
    const { client } = rewardsClient({
      listRewards: async () => {
        if (fail) throw new AdminApiError('INTERNAL', '服务器开小差了');
        return { items: [], total: 0 };
      },
    });
    renderPage(client);
    expect(await screen.findByText('礼品列表加载失败')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('积分商城还没有礼品，点「新建礼品」添加')).toBeTruthy();
  });

  it('checks the new-reward form before sending, keeps what was typed on a refusal, and sends every field', async () => {
    let refuse = true;
    const saveReward = jest.fn<ActionHandler>(async (_action, payload) => {
      if (refuse) throw new AdminApiError('CONFLICT', 'rewardId: 礼品编号 canvas-tote 已被另一件礼品使用');
      return {
        reward: toAdminRewardRow(newReward({ _id: 'new-cap', title: '棒球帽', pointsCost: 600, totalStock: 20 }, AT)),
        created: true,
        payload,
      };
    });
    const { client } = rewardsClient({ saveReward });
    renderPage(client);
    await screen.findByText('品牌帆布袋');
    fireEvent.click(screen.getByRole('button', { name: /新建礼品/ }));
    await waitFor(() => expect(document.querySelector('.reward-drawer')).not.toBeNull());
    const drawer = document.querySelector('.reward-drawer') as HTMLElement;
    fireEvent.click(within(drawer).getByRole('button', { name: /创建礼品/ }));
    expect(await within(drawer).findByText('请输入礼品编号')).toBeTruthy();
    expect(within(drawer).getByText('请输入所需积分')).toBeTruthy();
    expect(saveReward).not.toHaveBeenCalled();

    type(drawer.querySelector('.reward-id') as Element, 'new-cap');
    type(drawer.querySelector('.reward-title') as Element, '棒球帽');
    type(drawer.querySelector('.reward-points') as Element, '600');
    type(drawer.querySelector('.reward-stock') as Element, '20');
    type(drawer.querySelector('.reward-category') as Element, '周边');
    type(drawer.querySelector('.reward-image') as Element, 'ftp://x');
    fireEvent.click(within(drawer).getByRole('button', { name: /创建礼品/ }));
    expect(await within(drawer).findByText('图片地址须以 /media/、https:// 或 cloud:// 开头')).toBeTruthy();
    type(drawer.querySelector('.reward-image') as Element, 'cloud://env/cap.png');
    fireEvent.click(within(drawer).getByRole('button', { name: /创建礼品/ }));
    expect(await within(drawer).findByText('礼品编号已被占用，请换一个')).toBeTruthy();
    expect((drawer.querySelector('.reward-title') as HTMLInputElement).value).toBe('棒球帽');

    refuse = false;
    fireEvent.click(within(drawer).getByRole('button', { name: /创建礼品/ }));
    await waitFor(() => expect(saveReward).toHaveBeenCalledTimes(2));
    expect(saveReward.mock.calls[1]?.[1]).toEqual({
      token: TEST_TOKEN,
      mode: 'create',
      rewardId: 'new-cap',
      title: '棒球帽',
      description: '',
      imageUrl: 'cloud://env/cap.png',
      category: '周边',
      kind: 'pickup',
      pointsCost: 600,
      cashFen: 0,
      couponTemplateId: null,
      perMemberLimit: 1,
      availableFrom: null,
      availableTo: null,
      minTierId: null,
      sort: 0,
      initialStock: 20,
    });
    expect(await screen.findByText('已创建礼品「棒球帽」，上架后会员可在积分商城看到')).toBeTruthy();
  });

  it('changes stock by a number with one request key per dialog, and refuses a cut larger than what remains', async () => {
    const changeRewardStock = jest.fn<ActionHandler>(async () => ({
      reward: { ...tote, stockRemaining: 37, totalStock: 40 },
      applied: true,
    }));
    const { client } = rewardsClient({ changeRewardStock });
    renderPage(client);
    await screen.findByText('品牌帆布袋');
    fireEvent.click(within(rowOf('品牌帆布袋')).getByRole('button', { name: /库\s*存/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: '减少' }));
    type(dialog.querySelector('.reward-stock-amount') as Element, '48');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    expect(await within(dialog).findByText('最多可减少 47 件')).toBeTruthy();
    type(dialog.querySelector('.reward-stock-amount') as Element, '10');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(changeRewardStock).toHaveBeenCalledTimes(1));
    expect(changeRewardStock.mock.calls[0]?.[1]).toEqual({
      token: TEST_TOKEN,
      rewardId: 'canvas-tote',
      delta: -10,
      requestKey: expect.stringMatching(/^desk-[0-9a-f]{32}$/),
    });
    expect(await screen.findByText('「品牌帆布袋」库存已改为剩余 37 件')).toBeTruthy();
  });

  it('puts a reward on the shelf and hides the editing actions from a role that may only read', async () => {
    const setRewardStatus = jest.fn<ActionHandler>(async () => ({ ...mug, status: 'active' }));
    const { client, call } = rewardsClient({ setRewardStatus });
    renderPage(client);
    await screen.findByText('限定马克杯');
    fireEvent.click(within(rowOf('限定马克杯')).getByRole('button', { name: /上\s*架/ }));
    await waitFor(() => expect(setRewardStatus).toHaveBeenCalledTimes(1));
    expect(setRewardStatus.mock.calls[0]?.[1]).toEqual({ token: TEST_TOKEN, rewardId: 'mug', status: 'active' });
    expect(await screen.findByText('已上架「限定马克杯」')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listRewards').length).toBeGreaterThanOrEqual(2));
  });

  it('shows an analyst the list without edit buttons', async () => {
    const { client } = rewardsClient();
    renderPage(client, 'analyst');
    await screen.findByText('品牌帆布袋');
    expect(screen.queryByRole('button', { name: /新建礼品/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /编\s*辑/ })).toBeNull();
  });

  it('lists redemptions with a total and masked phone, filters by member, and hands one over on its code at a store', async () => {
    const handOverRedemption = jest.fn<ActionHandler>(async () => ({
      ...awaiting,
      status: 'fulfilled',
      fulfilledStoreName: '静安嘉里店',
      cancellable: false,
    }));
    const { client, call } = rewardsClient({ handOverRedemption });
    const { container } = renderPage(client);
    await screen.findByText('品牌帆布袋');
    fireEvent.click(screen.getByRole('tab', { name: '兑换记录' }));
    expect(await screen.findByText('共 1 条兑换记录')).toBeTruthy();
    const row = rowOf('小王');
    expect(within(row).getByText('1000000001 · 138****8000')).toBeTruthy();
    expect(within(row).getByText('待提货')).toBeTruthy();

    type(container.querySelector('.redemptions-search-member') as Element, '12');
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    expect(await screen.findByText('请输入 10 位会员号或 11 位手机号')).toBeTruthy();
    type(container.querySelector('.redemptions-search-member') as Element, '1000000001');
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith(
        'listRedemptions',
        { token: TEST_TOKEN, member: '1000000001', pageSize: 20 },
        expect.anything(),
      ),
    );

    fireEvent.click(await screen.findByRole('button', { name: /到店交付/ }));
    const dialog = await screen.findByRole('dialog');
    type(dialog.querySelector('.hand-over-code') as Element, '1234');
    fireEvent.click(within(dialog).getByRole('button', { name: /确认交付/ }));
    expect(await within(dialog).findByText('提货码为 8 位数字')).toBeTruthy();
    type(dialog.querySelector('.hand-over-code') as Element, '12345678');
    fireEvent.click(within(dialog).getByRole('button', { name: /确认交付/ }));
    await waitFor(() => expect(handOverRedemption).toHaveBeenCalledTimes(1));
    expect(handOverRedemption.mock.calls[0]?.[1] as AdminPayload<'handOverRedemption'>).toEqual({
      token: TEST_TOKEN,
      redemptionId: awaiting._id,
      pickupCode: '12345678',
      storeId: 'jingan',
    });
    expect(await screen.findByText('已在静安嘉里店交付「品牌帆布袋」')).toBeTruthy();
  });

  it('cancels a redemption with a reason, showing a refusal in the dialog', async () => {
    let refuse = true;
    const cancelRedemption = jest.fn<ActionHandler>(async () => {
      if (refuse) throw new AdminApiError('INVALID_STATE', '该兑换已领取、已发券或不可取消');
      return { ...awaiting, status: 'cancelled', cancellable: false };
    });
    const { client } = rewardsClient({ cancelRedemption });
    renderPage(client);
    await screen.findByText('品牌帆布袋');
    fireEvent.click(screen.getByRole('tab', { name: '兑换记录' }));
    fireEvent.click(await screen.findByRole('button', { name: /取消兑换/ }));
    const dialog = await screen.findByRole('dialog');
    type(dialog.querySelector('.cancel-redemption-reason') as Element, '会员无法到店');
    fireEvent.click(within(dialog).getByRole('button', { name: /取消兑换/ }));
    expect(await within(dialog).findByText('该兑换已领取、已发券或不可取消')).toBeTruthy();
    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: /取消兑换/ }));
    expect(await screen.findByText('已取消「品牌帆布袋」的兑换，积分已退回')).toBeTruthy();
    expect(cancelRedemption.mock.calls[1]?.[1]).toEqual({ token: TEST_TOKEN, redemptionId: awaiting._id, reason: '会员无法到店' });
  });
});
