import { screen, render, waitFor } from '@testing-library/react';
import { CloudError } from '~/src/services/cloud';
import * as staffService from '~/src/services/staff';
import { useStaffStore } from '~/src/stores/staff';
import { pickupView } from '~/src/test/staff-fixtures';
import { tap, typeInto } from '~/src/test/taro-events';
import TillPickupPage from './index';

jest.mock('~/src/services/staff');

const service = jest.mocked(staffService);

beforeEach(() => {
  jest.clearAllMocks();
  useStaffStore.setState({ busy: null });
});

test('shows what a code hands over, with the cash to collect, then hands it over', async () => {
  service.lookupPickup.mockResolvedValue(pickupView());
  service.handOverByCode.mockResolvedValue(pickupView({ status: 'handedOver', handedOverAt: 1 }));
  const { container } = render(<TillPickupPage />);

  await typeInto(container.querySelector('.pickup-code-input'), '77142410');
  await tap(container.querySelector('.pickup-lookup'));

  await waitFor(() => expect(container.querySelector('.pickup-title')?.textContent).toBe('品牌帆布袋'));
  expect(service.lookupPickup).toHaveBeenCalledWith('77142410');
  expect(container.querySelector('.pickup-item')?.textContent).toBe('品牌帆布袋×1');
  expect(container.querySelector('.pickup-member')?.textContent).toBe('会员：小悦');
  expect(container.querySelector('.pickup-cash')?.textContent).toBe('¥10');
  expect(container.querySelector('.pickup-status')?.textContent).toBe('待提货');

  await tap(container.querySelector('.pickup-confirm'));

  await screen.findByText('已交付');
  expect(service.handOverByCode).toHaveBeenCalledWith('77142410');
});

test('a code handed over before shows when and where, in the words of the server', async () => {
  service.lookupPickup.mockResolvedValue(pickupView());
  service.handOverByCode.mockRejectedValue(new CloudError('ALREADY_HANDED_OVER', '已于 11月22日 10:05 在静安店提货'));
  const { container } = render(<TillPickupPage />);

  await typeInto(container.querySelector('.pickup-code-input'), '77142410');
  await tap(container.querySelector('.pickup-lookup'));
  await waitFor(() => expect(container.querySelector('.pickup-confirm')).not.toBeNull());
  await tap(container.querySelector('.pickup-confirm'));

  await waitFor(() => expect(container.querySelector('.pickup-error')?.textContent).toBe('已于 11月22日 10:05 在静安店提货'));
  expect(container.querySelector('.pickup-done')).toBeNull();
  expect(container.querySelector('.pickup-confirm')).toBeNull();
  expect(container.querySelector('.pickup-status')?.textContent).toBe('已提货');
});

test('a code already handed over is shown without the hand-over button', async () => {
  service.lookupPickup.mockResolvedValue(
    pickupView({ status: 'handedOver', handedOverAt: Date.UTC(2026, 10, 22, 2, 5), storeName: '静安店' }),
  );
  const { container } = render(<TillPickupPage />);

  await typeInto(container.querySelector('.pickup-code-input'), '123456');
  await tap(container.querySelector('.pickup-lookup'));

  await waitFor(() => expect(container.querySelector('.pickup-handed-over')?.textContent).toBe('已于 11-22 10:05 在静安店提货'));
  expect(container.querySelector('.pickup-confirm')).toBeNull();
  expect(container.querySelector('.pickup-cash')).toBeNull();
});

test('a code of the wrong length is not looked up', async () => {
  const { container } = render(<TillPickupPage />);

  await typeInto(container.querySelector('.pickup-code-input'), '1234567');
  await tap(container.querySelector('.pickup-lookup'));

  expect(container.querySelector('.pickup-error')?.textContent).toBe('请输入6位或8位提货码');
  expect(service.lookupPickup).not.toHaveBeenCalled();
});
