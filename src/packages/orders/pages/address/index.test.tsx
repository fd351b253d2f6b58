import { render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { AddressBook } from '~/types/addresses';
import * as addressesService from '~/src/services/addresses';
import { CloudError } from '~/src/services/cloud';
import { useAddressStore } from '~/src/stores/addresses';
import { useCheckoutStore } from '~/src/stores/checkout';
import { useMemberStore } from '~/src/stores/member';
import { idle } from '~/src/stores/loadable';
import { tap, typeInto } from '~/src/test/taro-events';
import AddressPage from './index';

jest.mock('~/src/services/addresses');
jest.mock('~/src/services/orders');

const service = jest.mocked(addressesService);
const ID = 'm0123456789abcdef01234567:k1a2b3c4d5';
const SAVED = { name: '林小满', phone: '13800138000', province: '上海市', city: '上海市', district: '静安区', detail: '南京西路1号' };
const book = (items: AddressBook['items']): AddressBook => ({ items, max: 20 });
const view = { id: ID, ...SAVED, region: '上海市 静安区', isDefault: true };

const find = (container: HTMLElement, selector: string) => container.querySelector<HTMLElement>(selector);

function renderPage(params: Record<string, string> = {}) {
  jest.mocked(useRouter).mockReturnValue({ params } as unknown as ReturnType<typeof useRouter>);
  return render(<AddressPage />);
}

/** Picks 省, 市 and 区 in turn from the region sheet. */
async function pickRegion(container: HTMLElement, names: string[]) {
  await tap(find(container, '.address-region-pick'));
  for (const name of names) {
    await waitFor(() => expect(itemNamed(name)).not.toBeNull());
    await tap(itemNamed(name));
  }
}

/** An item of the pane being chosen from: the last one (earlier panes keep their items for going back). */
const itemNamed = (name: string) =>
  [
    ...([...document.querySelectorAll<HTMLElement>('.nut-cascader-pane')].at(-1)?.querySelectorAll<HTMLElement>('.nut-cascader-item') ??
      []),
  ].find((item) => item.textContent?.trim() === name) ?? null;

/** What a Taro H5 field holds: React sets it as the element's `value` attribute. */
const valueOf = (container: HTMLElement, selector: string) => find(container, selector)?.getAttribute('value');

async function fill(container: HTMLElement) {
  await typeInto(find(container, '.address-name .address-form__input'), '林小满');
  await typeInto(find(container, '.address-phone .address-form__input'), '13800138000');
  await pickRegion(container, ['上海市', '上海市', '静安区']);
  await typeInto(find(container, '.address-detail .address-form__input'), '南京西路1号');
}

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ status: 'member' });
  useAddressStore.setState({ book: idle(), saving: false, prefill: null });
  useCheckoutStore.setState({ address: null, addressChosen: false, items: [] });
});

test('a member adds an address with the region picker, and from checkout it is used for the order', async () => {
  service.addAddress.mockResolvedValue({ ...book([view]), addressId: ID });
  const { container } = renderPage({ choose: '1' });

  await fill(container);
  expect(find(container, '.address-region-text')?.textContent).toBe('上海市 静安区');
  await tap(find(container, '.address-save'));

  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  expect(service.addAddress).toHaveBeenCalledWith(SAVED, expect.stringMatching(/^[a-z0-9]{8,}$/));
  expect(useAddressStore.getState().book.data?.items).toEqual([view]);
  expect(useCheckoutStore.getState().address).toEqual({
    name: '林小满',
    phone: '13800138000',
    region: '上海市 静安区',
    detail: '南京西路1号',
  });
});

test('a server refusal keeps everything typed and shows why; the retry sends the same key', async () => {
  service.addAddress.mockRejectedValueOnce(new CloudError('LIMIT_REACHED', '最多保存20个收货地址，请先删除不用的地址'));
  service.addAddress.mockRejectedValueOnce(new CloudError('VALIDATION_FAILED', 'detail: 请填写详细地址（120字以内）', { field: 'detail' }));
  const { container } = renderPage();
  await fill(container);

  await tap(find(container, '.address-save'));
  await waitFor(() => expect(find(container, '.address-problem')?.textContent).toBe('最多保存20个收货地址，请先删除不用的地址'));
  await tap(find(container, '.address-save'));
  await waitFor(() => expect(find(container, '.address-problem')?.textContent).toBe('请填写详细地址（120字以内）'));

  expect(Taro.navigateBack).not.toHaveBeenCalled();
  expect(valueOf(container, '.address-name .address-form__input')).toBe('林小满');
  expect(valueOf(container, '.address-phone .address-form__input')).toBe('13800138000');
  expect(find(container, '.address-region-text')?.textContent).toBe('上海市 静安区');
  expect(valueOf(container, '.address-detail .address-form__input')).toBe('南京西路1号');
  const [first, second] = service.addAddress.mock.calls;
  expect(second?.[1]).toBe(first?.[1]);
});

test('the form checks the fields before sending: a region must be picked', async () => {
  const { container } = renderPage();
  await typeInto(find(container, '.address-name .address-form__input'), '林小满');
  await typeInto(find(container, '.address-phone .address-form__input'), '13800138000');
  await typeInto(find(container, '.address-detail .address-form__input'), '南京西路1号');
  await tap(find(container, '.address-save'));
  expect(find(container, '.address-problem')?.textContent).toBe('请选择所在地区（省 / 市 / 区）');
  expect(find(container, '.address-region')?.className).toContain('address-form__row--wrong');
  expect(service.addAddress).not.toHaveBeenCalled();
});

test('editing fills the form with the saved address and saves it in place', async () => {
  useAddressStore.setState({ book: { status: 'ready', data: book([view]), error: null } });
  service.updateAddress.mockResolvedValue({ ...book([{ ...view, detail: '新闸路8号' }]), addressId: ID });
  const { container } = renderPage({ id: ID });

  expect(valueOf(container, '.address-name .address-form__input')).toBe('林小满');
  expect(find(container, '.address-region-text')?.textContent).toBe('上海市 静安区');
  await typeInto(find(container, '.address-detail .address-form__input'), '新闸路8号');
  await tap(find(container, '.address-save'));

  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  expect(service.updateAddress).toHaveBeenCalledWith(ID, { ...SAVED, detail: '新闸路8号' });
});

test('a guest’s address is kept on this device for the order, as before', async () => {
  useMemberStore.setState({ status: 'guest' });
  const { container } = renderPage();
  expect(find(container, '.address-page__note')?.textContent).toContain('地址仅保存在本机');
  await fill(container);
  await tap(find(container, '.address-save'));

  expect(service.addAddress).not.toHaveBeenCalled();
  expect(Taro.setStorageSync).toHaveBeenCalledWith('lm.address.v1', expect.stringContaining('上海市 静安区'));
  expect(useCheckoutStore.getState().address).toEqual({
    name: '林小满',
    phone: '13800138000',
    region: '上海市 静安区',
    detail: '南京西路1号',
  });
  expect(Taro.navigateBack).toHaveBeenCalled();
});
