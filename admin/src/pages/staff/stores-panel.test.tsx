import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StoreDetailRow } from '~/types/functions/admin-staff';
import { AdminApiError } from '../../api/client';
import type { AdminClient } from '../../api/client';
import { TEST_TOKEN, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { renderWithProviders } from '../../test/render-with-providers';
import { StaffPage } from './staff-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(120_000);

const jingan: StoreDetailRow = {
  storeId: 'jingan',
  name: '静安嘉里店',
  address: '上海市静安区南京西路 1515 号',
  status: 'open',
  phone: '021-62881234',
  openHours: '10:00-22:00',
  location: { latitude: 31.22345, longitude: 121.44567 },
  pickupEnabled: true,
  pointsPendingDays: null,
  updatedAt: null,
};
const laoximen: StoreDetailRow = {
  ...jingan,
  storeId: 'laoximen',
  name: '老西门店',
  address: '上海市黄浦区中华路 1 号',
  status: 'closed',
  location: null,
  pickupEnabled: false,
};

function storesClient(actions: ActionHandlers = {}) {
  return pageClient({ listStores: async () => ({ items: [jingan, laoximen] }), listStaff: async () => ({ items: [] }) }, actions);
}

async function openStoresTab(client: AdminClient) {
  const rendered = renderSignedIn(<StaffPage />, client);
  fireEvent.click(await screen.findByRole('tab', { name: '门店' }));
  await screen.findByText('老西门店');
  return rendered;
}
const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;
const type = (element: Element, value: string) =>
  fireEvent.change(element.matches('input, textarea') ? element : (element.querySelector('input, textarea') as Element), {
    target: { value },
  });

describe('the 门店 tab of 门店与店员', () => {
  it('lists stores with address, phone, hours, location, pickup and state, with a count', async () => {
    const { client } = storesClient();
    await openStoresTab(client);
    expect(screen.getByText('共 2 家门店')).toBeTruthy();
    const open = rowOf('静安嘉里店');
    expect(within(open).getByText('31.223450, 121.445670')).toBeTruthy();
    expect(within(open).getByText('支持')).toBeTruthy();
    expect(within(open).getByText('营业中')).toBeTruthy();
    const closed = rowOf('老西门店');
    expect(within(closed).getByText('未设置')).toBeTruthy();
    expect(within(closed).getByText('不支持')).toBeTruthy();
    expect(within(closed).getByRole('button', { name: /开\s*启/ })).toBeTruthy();
  });

  it('shows the load error with a retry', async () => {
    let fail = true;
    const { client } = storesClient({
      listStores: async () => {
        if (fail) throw new AdminApiError('INTERNAL', '服务器开小差了');
        return { items: [] };
      },
    });
    renderSignedIn(<StaffPage />, client);
    fireEvent.click(await screen.findByRole('tab', { name: '门店' }));
    expect(await screen.findByText('门店列表加载失败')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('还没有门店，点「新建门店」添加')).toBeTruthy();
  });

  it('checks a new store before sending, keeps what was typed on a refusal, and sends the location', async () => {
    let refuse = true;
    const saveStore = jest.fn<ActionHandler>(async () => {
      if (refuse) throw new AdminApiError('CONFLICT', 'storeId: 门店编号 jingan 已被另一家门店使用');
      return { store: { ...jingan, storeId: 'xuhui', name: '徐汇滨江店' }, created: true };
    });
    const { client } = storesClient({ saveStore });
    await openStoresTab(client);
    fireEvent.click(screen.getByRole('button', { name: /新建门店/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /创建门店/ }));
    expect(await within(dialog).findByText('请输入门店编号')).toBeTruthy();
    expect(saveStore).not.toHaveBeenCalled();

    type(dialog.querySelector('.store-id') as Element, 'xuhui');
    type(dialog.querySelector('.store-name') as Element, '徐汇滨江店');
    type(dialog.querySelector('.store-address') as Element, '上海市徐汇区龙腾大道 2555 号');
    type(dialog.querySelector('.store-hours') as Element, '10:00-22:00');
    type(dialog.querySelector('.store-latitude') as Element, '31.1772');
    fireEvent.click(within(dialog).getByRole('button', { name: /创建门店/ }));
    expect(await within(dialog).findByText('请同时填写经度，或两者都不填')).toBeTruthy();
    type(dialog.querySelector('.store-longitude') as Element, '121.4601');
    fireEvent.click(within(dialog).getByRole('button', { name: /创建门店/ }));
    expect(await within(dialog).findByText('门店编号已被占用，请换一个')).toBeTruthy();
    expect((dialog.querySelector('.store-name') as HTMLInputElement).value).toBe('徐汇滨江店');

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: /创建门店/ }));
    await waitFor(() => expect(saveStore).toHaveBeenCalledTimes(2));
    expect(saveStore.mock.calls[1]?.[1]).toEqual({
      token: TEST_TOKEN,
      mode: 'create',
      storeId: 'xuhui',
      name: '徐汇滨江店',
      address: '上海市徐汇区龙腾大道 2555 号',
      phone: '',
      openHours: '10:00-22:00',
      location: { latitude: 31.1772, longitude: 121.4601 },
      pickupEnabled: true,
      pointsPendingDays: null,
    });
    expect(await screen.findByText('已新建门店「徐汇滨江店」')).toBeTruthy();
  });

  it('closes a store after a confirmation', async () => {
    const setStoreStatus = jest.fn<ActionHandler>(async () => ({ ...jingan, status: 'closed' }));
    const { client } = storesClient({ setStoreStatus });
    await openStoresTab(client);
    fireEvent.click(within(rowOf('静安嘉里店')).getByRole('button', { name: /关\s*闭/ }));
    const confirm = await screen.findByText('关闭门店「静安嘉里店」？');
    const popover = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: /关\s*闭/ }));
    await waitFor(() => expect(setStoreStatus).toHaveBeenCalledTimes(1));
    expect(setStoreStatus.mock.calls[0]?.[1]).toEqual({ token: TEST_TOKEN, storeId: 'jingan', status: 'closed' });
    expect(await screen.findByText('已关闭门店「静安嘉里店」')).toBeTruthy();
  });

  it('lets a store manager edit only their own store, and neither open, close nor create one', async () => {
    const { client } = storesClient();
    renderWithProviders(<StaffPage />, { client, token: TEST_TOKEN, admin: { role: 'storeManager', storeId: 'jingan' } });
    fireEvent.click(await screen.findByRole('tab', { name: '门店' }));
    await screen.findByText('老西门店');
    expect(within(rowOf('静安嘉里店')).getByRole('button', { name: /编\s*辑/ })).toBeTruthy();
    expect(within(rowOf('老西门店')).queryByRole('button', { name: /编\s*辑/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新建门店/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /关\s*闭/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /开\s*启/ })).toBeNull();
  });
});
