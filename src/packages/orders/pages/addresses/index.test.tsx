import { render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { AddressBook, AddressView } from '~/types/addresses';
import * as addressesService from '~/src/services/addresses';
import { CloudError } from '~/src/services/cloud';
import { useAddressStore } from '~/src/stores/addresses';
import { useCheckoutStore } from '~/src/stores/checkout';
import { idle } from '~/src/stores/loadable';
import { useMemberStore } from '~/src/stores/member';
import { tap } from '~/src/test/taro-events';
import AddressesPage from './index';

jest.mock('~/src/services/addresses');
jest.mock('~/src/services/orders');

const service = jest.mocked(addressesService);
const HOME: AddressView = {
  id: 'm01:home00001',
  name: '林小满',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '静安区',
  region: '上海市 静安区',
  detail: '南京西路1号',
  isDefault: true,
};
const WORK: AddressView = {
  id: 'm01:work00001',
  name: '林小满',
  phone: '13900139000',
  province: '广东省',
  city: '深圳市',
  district: '南山区',
  region: '广东省 深圳市 南山区',
  detail: '科技园2栋',
  isDefault: false,
};
const book = (items: AddressView[]): AddressBook => ({ items, max: 20 });

const find = (container: HTMLElement, selector: string) => container.querySelector<HTMLElement>(selector);
const items = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('.address-item')];

function renderPage(params: Record<string, string> = {}) {
  jest.mocked(useRouter).mockReturnValue({ params } as unknown as ReturnType<typeof useRouter>);
  return render(<AddressesPage />);
}

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ status: 'member' });
  useAddressStore.setState({ book: idle(), saving: false, prefill: null });
  useCheckoutStore.setState({ address: null, addressChosen: false, items: [] });
});

test('lists the book with the default marked; 设为默认 and 删除 (after confirming) change it', async () => {
  service.listAddresses.mockResolvedValue(book([HOME, WORK]));
  service.setDefaultAddress.mockResolvedValue(
    book([
      { ...WORK, isDefault: true },
      { ...HOME, isDefault: false },
    ]),
  );
  service.removeAddress.mockResolvedValue(book([{ ...WORK, isDefault: true }]));
  const { container } = renderPage();

  await waitFor(() => expect(items(container)).toHaveLength(2));
  expect(items(container)[0]?.textContent).toContain('默认');
  expect(items(container)[0]?.querySelector('.address-set-default')).toBeNull();
  expect(items(container)[1]?.textContent).toContain('广东省 深圳市 南山区 科技园2栋');

  await tap(items(container)[1]?.querySelector('.address-set-default') ?? null);
  await waitFor(() => expect(items(container)[0]?.querySelector('.address-default-tag')).not.toBeNull());
  expect(service.setDefaultAddress).toHaveBeenCalledWith(WORK.id);
  expect(items(container)[0]?.textContent).toContain('科技园2栋');

  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' });
  await tap(items(container)[1]?.querySelector('.address-item-remove') ?? null);
  expect(service.removeAddress).not.toHaveBeenCalled();
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' });
  await tap(items(container)[1]?.querySelector('.address-item-remove') ?? null);
  await waitFor(() => expect(items(container)).toHaveLength(1));
  expect(service.removeAddress).toHaveBeenCalledWith(HOME.id);
});

test('编辑 and 新增地址 open the form', async () => {
  service.listAddresses.mockResolvedValue(book([HOME]));
  const { container } = renderPage();
  await waitFor(() => expect(items(container)).toHaveLength(1));
  await tap(find(container, '.address-item-edit'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/orders/pages/address/index?id=${HOME.id}` });
  await tap(find(container, '.address-new'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/orders/pages/address/index' });
});

test('from checkout, tapping an address uses it for this order and goes back', async () => {
  service.listAddresses.mockResolvedValue(book([HOME, WORK]));
  const { container } = renderPage({ choose: '1' });
  await waitFor(() => expect(items(container)).toHaveLength(2));
  await tap(items(container)[1]?.querySelector('.address-item-choose') ?? null);
  expect(useCheckoutStore.getState().address).toEqual({
    name: '林小满',
    phone: '13900139000',
    region: '广东省 深圳市 南山区',
    detail: '科技园2栋',
  });
  expect(Taro.navigateBack).toHaveBeenCalled();
});

test('a refused change shows why and keeps the book as it was', async () => {
  service.listAddresses.mockResolvedValue(book([HOME, WORK]));
  service.setDefaultAddress.mockRejectedValue(new CloudError('NOT_FOUND', '地址不存在或已删除'));
  const { container } = renderPage();
  await waitFor(() => expect(items(container)).toHaveLength(2));
  await tap(items(container)[1]?.querySelector('.address-set-default') ?? null);
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '地址不存在或已删除' })));
  expect(items(container)[0]?.textContent).toContain('南京西路1号');
});

test('an empty book offers 新增地址; a guest is told the book is for members and can still keep one address here', async () => {
  service.listAddresses.mockResolvedValue(book([]));
  const first = renderPage();
  await waitFor(() => expect(first.container.textContent).toContain('还没有收货地址'));
  first.unmount();

  useMemberStore.setState({ status: 'guest' });
  const { container } = renderPage();
  expect(container.textContent).toContain('加入会员后，可在这里保存多个收货地址');
  await tap(find(container, '.status-panel__action'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/orders/pages/address/index' });
});
