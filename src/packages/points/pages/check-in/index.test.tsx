import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as pointsService from '~/src/services/points';
import { idle } from '~/src/stores/loadable';
import { emptyList } from '~/src/stores/paged-list';
import { usePointsStore } from '~/src/stores/points';
import { checkInCalendar, pointsSummary } from '~/src/test/loyalty-fixtures';
import CheckInPage from './index';

jest.mock('~/src/services/points');

const service = jest.mocked(pointsService);

beforeEach(() => {
  jest.clearAllMocks();
  jest.useFakeTimers({ now: Date.UTC(2026, 10, 22, 2), doNotFake: ['setTimeout', 'setInterval', 'queueMicrotask', 'nextTick'] });
  usePointsStore.setState({ summary: idle(), history: emptyList(), calendar: idle(), checkingIn: false });
  service.getSummary.mockResolvedValue(pointsSummary());
});

afterEach(() => {
  jest.useRealTimers();
});

test("shows the month, the streak and today's reward, then checks in", async () => {
  service.getCheckInCalendar.mockResolvedValueOnce(checkInCalendar()).mockResolvedValueOnce(
    checkInCalendar({
      days: ['2026-11-20', '2026-11-21', '2026-11-22'],
      checkedInToday: true,
      currentStreak: 3,
      lastDay: '2026-11-22',
      daysToBonus: 4,
    }),
  );
  service.checkIn.mockResolvedValue({ day: '2026-11-22', streak: 3, points: 5, bonus: 0, available: 1285 });
  const { container } = render(<CheckInPage />);

  await screen.findByText('2026年11月');
  expect(service.getCheckInCalendar).toHaveBeenCalledWith('2026-11');
  expect(container.querySelector('.check-in-streak')?.textContent).toBe('2');
  expect(container.querySelector('.check-in-reward')?.textContent).toBe('今日签到可得 5 积分');
  expect(container.querySelectorAll('.calendar-day')).toHaveLength(30);
  expect(container.querySelectorAll('.calendar-day--checked')).toHaveLength(2);
  expect(container.querySelector('.calendar-day--today')?.textContent).toBe('22');

  await act(async () => {
    fireEvent.click(container.querySelector('.check-in-button')!);
  });

  await waitFor(() => expect(container.querySelector('.check-in-button--done')).not.toBeNull());
  expect(screen.getByText('今日已签到')).not.toBeNull();
  expect(container.querySelectorAll('.calendar-day--checked')).toHaveLength(3);
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '签到成功 +5' }));
});

test('a member who already checked in sees it done, with the streak bonus ahead', async () => {
  service.getCheckInCalendar.mockResolvedValue(
    checkInCalendar({ checkedInToday: true, currentStreak: 7, todayReward: { points: 5, bonus: 20 }, daysToBonus: 7 }),
  );
  const { container } = render(<CheckInPage />);

  await screen.findByText('今日已签到');
  expect(container.querySelector('.check-in-reward')?.textContent).toBe('今日已获得 5 + 20 连签奖励 积分');
  expect(screen.getByText('再签到 7 天，额外获得 20 积分')).not.toBeNull();
  expect(container.querySelector('.month-next')).toBeNull();
});

test('the previous month can be shown', async () => {
  service.getCheckInCalendar
    .mockResolvedValueOnce(checkInCalendar())
    .mockResolvedValueOnce(checkInCalendar({ month: '2026-10', days: ['2026-10-31'] }));
  const { container } = render(<CheckInPage />);
  await screen.findByText('2026年11月');

  await act(async () => {
    fireEvent.click(container.querySelector('.month-prev')!);
  });

  await screen.findByText('2026年10月');
  expect(service.getCheckInCalendar).toHaveBeenLastCalledWith('2026-10');
  expect(container.querySelectorAll('.calendar-day')).toHaveLength(31);
  expect(container.querySelector('.month-next')).not.toBeNull();
});
