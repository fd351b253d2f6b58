import { describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AdminRole } from '~/types/documents';
import type { StaffRow, StoreRow } from '~/types/functions/admin-staff';
import { pageClient, renderSignedIn } from '../test/mock-client';
import type { ActionHandlers } from '../test/mock-client';
import { orderDoc, refundDoc } from '../test/order-fixtures';
import { OrdersPage } from './orders/orders-page';
import { RefundsPage } from './refunds/refunds-page';
import { StaffPage } from './staff/staff-page';

jest.setTimeout(30_000);

const order = orderDoc(1);
const refund = refundDoc(1);
const store: StoreRow = { storeId: 'jingan', name: '静安嘉里店', address: '上海市静安区南京西路 1515 号', status: 'open' };
const staff: StaffRow = {
  staffId: 'o-staff-1',
  nickname: '小林',
  storeId: 'jingan',
  storeName: '静安嘉里店',
  role: 'cashier',
  status: 'active',
  createdAt: Date.UTC(2025, 2, 1, 2, 0),
  disabledAt: null,
};

const LISTS: ActionHandlers = {
  listOrders: async () => ({ items: [order], nextCursor: null }),
  listRefunds: async () => ({ items: [refund], nextCursor: null }),
  listStores: async () => ({ items: [store] }),
  listStaff: async () => ({ items: [staff] }),
};

function renderAs(role: AdminRole, page: ReactElement) {
  const { client } = pageClient(LISTS);
  return renderSignedIn(page, client, { role, username: role });
}

function rowWith(text: string): HTMLElement {
  return screen.getByText(text).closest('tr') as HTMLElement;
}

describe('buttons for actions the role may not take', () => {
  it('leaves refund review to roles that may approve and reject', async () => {
    renderAs('analyst', <RefundsPage />);
    await screen.findByText(refund.refundNo);
    expect(within(rowWith(refund.refundNo)).queryByRole('button')).toBeNull();
  });

  it('offers refund review to an operator', async () => {
    renderAs('operator', <RefundsPage />);
    await screen.findByText(refund.refundNo);
    expect(within(rowWith(refund.refundNo)).getByRole('button', { name: '同意退款' })).toBeTruthy();
    expect(within(rowWith(refund.refundNo)).getByRole('button', { name: /驳\s*回/ })).toBeTruthy();
  });

  it('shows support the orders without shipping or the pickup write-off', async () => {
    const { container } = renderAs('support', <OrdersPage />);
    await screen.findByText(order.orderNo);
    expect(container.querySelector('.ship-button')).toBeNull();
    expect(container.querySelector('.pickup-write-off')).toBeNull();
  });

  it('gives a store manager the pickup write-off but not shipping', async () => {
    const { container } = renderAs('storeManager', <OrdersPage />);
    await screen.findByText(order.orderNo);
    expect(container.querySelector('.ship-button')).toBeNull();
    expect(container.querySelector('.pickup-write-off')).not.toBeNull();
  });

  it('shows an analyst the staff without invites or 停用/启用', async () => {
    const { container } = renderAs('analyst', <StaffPage />);
    await screen.findByText('小林');
    expect(container.querySelector('.staff-invite-button')).toBeNull();
    expect(within(rowWith('小林')).queryByRole('button')).toBeNull();
    const headers = Array.from(container.querySelectorAll('.staff-table thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).not.toContain('操作');
  });

  it('lets a store manager invite and disable staff', async () => {
    const { container } = renderAs('storeManager', <StaffPage />);
    await screen.findByText('小林');
    expect(container.querySelector('.staff-invite-button')).not.toBeNull();
    expect(within(rowWith('小林')).getByRole('button', { name: /停\s*用/ })).toBeTruthy();
  });
});
