import { render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as staffService from '~/src/services/staff';
import { idle } from '~/src/stores/loadable';
import { useStaffStore } from '~/src/stores/staff';
import { NOV_22 } from '~/src/test/loyalty-fixtures';
import { memberCard, pickupView, SESSION_ID } from '~/src/test/staff-fixtures';
import { tap } from '~/src/test/taro-events';
import TillCardPage from './index';

jest.mock('~/src/services/staff');

const service = jest.mocked(staffService);

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers({ now: NOV_22, doNotFake: ['setTimeout', 'setInterval', 'queueMicrotask', 'nextTick'] });
  jest.mocked(useRouter).mockReturnValue({ params: { session: SESSION_ID } } as never);
  useStaffStore.setState({ card: idle(), sessionExpired: false, quote: null, busy: null });
});

afterEach(() => {
  jest.useRealTimers();
});

test("shows the member, the tier's perks, points, coupons with their rules, rewards to hand over and visits", async () => {
  service.getMemberCard.mockResolvedValue(memberCard());
  const { container } = render(<TillCardPage />);

  await screen.findByText('小悦');
  expect(service.getMemberCard).toHaveBeenCalledWith(SESSION_ID);
  expect(container.querySelector('.card-phone')?.textContent).toBe('138****8000');
  expect(container.querySelector('.card-tier')?.textContent).toBe('银卡会员');
  expect([...container.querySelectorAll('.card-perk')].map((perk) => perk.textContent)).toEqual(['会员价98折', '积分1.2倍']);
  expect(container.querySelector('.card-points-available')?.textContent).toBe('1,280');
  expect(container.querySelector('.card-points-pending')?.textContent).toBe('45');
  expect(container.querySelector('.card-points-usable')?.textContent).toBe('可用积分抵现，2:00 内有效');
  expect(container.querySelector('.session-countdown')?.textContent).toBe('本次扫码 5:00 后失效');

  expect([...container.querySelectorAll('.till-coupon .coupon-title')].map((title) => title.textContent)).toEqual([
    '满99减15',
    '全场8.5折',
  ]);
  expect(container.querySelectorAll('.till-coupon .write-off-button')).toHaveLength(2);
  await tap(container.querySelectorAll('.till-coupon .coupon-ticket__rules')[1]!);
  expect(container.querySelector('.coupon-rules')?.textContent).toBe('门店与线上通用');

  expect(container.querySelector('.card-pickup')?.textContent).toContain('交付时收取现金 ¥10');
  expect(container.querySelector('.card-visit')?.textContent).toContain('¥128');

  await tap(container.querySelector('.record-sale-button'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/staff/pages/sale/index?session=${SESSION_ID}` });
});

test('without points, no points are offered', async () => {
  const card = memberCard();
  service.getMemberCard.mockResolvedValue({ ...card, member: { ...card.member, points: { available: 0, pending: 0 } } });
  const { container } = render(<TillCardPage />);

  await screen.findByText('暂无积分');
  expect(container.querySelector('.card-points')).toBeNull();
  expect(container.querySelector('.card-points-usable')).toBeNull();
  expect(container.querySelector('.card-points-rescan')).toBeNull();
});

test('points already used in this session need a fresh scan; pending points alone are shown', async () => {
  const card = memberCard({ pointsUsed: true });
  service.getMemberCard.mockResolvedValue({ ...card, member: { ...card.member, points: { available: 300, pending: 0 } } });
  const { container } = render(<TillCardPage />);

  await screen.findByText('积分抵现需重新扫码');
  expect(container.querySelector('.card-points-pending')).toBeNull();
  expect(container.querySelector('.card-points-usable')).toBeNull();
});

test('hands over a reward after confirming, and it leaves the list', async () => {
  service.getMemberCard.mockResolvedValue(memberCard());
  service.handOverRedemption.mockResolvedValue(pickupView({ status: 'handedOver', handedOverAt: NOV_22 }));
  const { container } = render(<TillCardPage />);
  await screen.findByText('品牌帆布袋');

  await tap(container.querySelector('.hand-over-button'));
  await waitFor(() => expect(document.querySelector('.hand-over-dialog')?.textContent).toContain('请先收取现金 ¥10'));
  await tap(document.querySelector('.hand-over-dialog .nut-dialog-footer-ok'));

  await waitFor(() => expect(container.querySelector('.card-pickup')).toBeNull());
  expect(service.handOverRedemption).toHaveBeenCalledWith(SESSION_ID, 'r1');
  expect(screen.getByText('暂无待提货礼品')).not.toBeNull();
});

test('an expired session asks for a fresh scan', async () => {
  service.getMemberCard.mockRejectedValue(new CloudError('TILL_SESSION_EXPIRED', 'till session expired'));
  render(<TillCardPage />);

  await screen.findByText('会员码已超时，请重新扫码');
});

test('once the countdown runs out, recording is replaced by scanning again', async () => {
  service.getMemberCard.mockResolvedValue(memberCard({ expiresAt: NOV_22 - 1000 }));
  const { container } = render(<TillCardPage />);

  await waitFor(() => expect(container.querySelector('.session-expired')).not.toBeNull());
  expect(container.querySelector('.record-sale-button')).toBeNull();
  await tap(container.querySelector('.till-card-bar .rescan-button'));
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/staff/pages/index/index' });
});

test('staff pick a special tag value for the member on the card, and tap it again to clear it', async () => {
  service.getMemberCard.mockResolvedValue(memberCard());
  const skin = { tagId: 'skin', name: '肤质', values: ['油性', '干性'], staffCanSet: true, value: null };
  service.listMemberTags.mockResolvedValue({ tags: [skin] });
  service.setMemberTag.mockResolvedValueOnce({ tags: [{ ...skin, value: '干性' }], changed: true });
  service.setMemberTag.mockResolvedValueOnce({ tags: [skin], changed: true });
  const { container } = render(<TillCardPage />);

  await waitFor(() => expect(container.querySelectorAll('.card-tag-value')).toHaveLength(2));
  expect(service.listMemberTags).toHaveBeenCalledWith(SESSION_ID);
  expect(container.querySelector('.card-tag')?.textContent).toContain('肤质');
  await tap(container.querySelectorAll('.card-tag-value')[1]!);
  expect(service.setMemberTag).toHaveBeenLastCalledWith(SESSION_ID, 'skin', '干性');
  await waitFor(() => expect(container.querySelector('.till-tag__value--on')?.textContent).toBe('干性'));
  await tap(container.querySelector('.till-tag__value--on'));
  expect(service.setMemberTag).toHaveBeenLastCalledWith(SESSION_ID, 'skin', null);
  await waitFor(() => expect(container.querySelector('.till-tag__value--on')).toBeNull());
});

test('without tags staff may set, the card shows no tag section', async () => {
  service.getMemberCard.mockResolvedValue(memberCard());
  service.listMemberTags.mockResolvedValue({ tags: [] });
  const { container } = render(<TillCardPage />);
  await screen.findByText('小悦');
  expect(container.querySelector('.card-tags')).toBeNull();
});
