import { render } from '@testing-library/react';
import { historyItem } from '~/src/test/loyalty-fixtures';
import { PointsHistory } from './index';

function rows(container: HTMLElement) {
  return [...container.querySelectorAll('.history-item')].map((row) => ({
    reason: row.querySelector('.history-reason')?.textContent,
    amount: row.querySelector('.history-amount')?.textContent,
    note: row.querySelector('.history-note')?.textContent ?? null,
  }));
}

test('every entry reads as a reason with a signed amount, newest first as given', () => {
  const { container } = render(
    <PointsHistory
      items={[
        historyItem({ id: 'e1', kind: 'spend', reason: '兑换礼品：品牌帆布袋', available: -800 }),
        historyItem({ id: 'e2', kind: 'checkin', reason: '每日签到 · 连续7天奖励', available: 25 }),
        historyItem({ id: 'e3', kind: 'expire', reason: '积分过期', available: -120 }),
        historyItem({ id: 'e4', kind: 'adjust', reason: '积分调整：客服补偿', available: 300 }),
      ]}
    />,
  );

  expect(rows(container)).toEqual([
    { reason: '兑换礼品：品牌帆布袋', amount: '-800', note: null },
    { reason: '每日签到 · 连续7天奖励', amount: '+25', note: null },
    { reason: '积分过期', amount: '-120', note: null },
    { reason: '积分调整：客服补偿', amount: '+300', note: null },
  ]);
  expect(container.querySelector('.points-history__time')?.textContent).toBe('2026-11-22 10:00');
});

test('purchase points show as pending until released, and the release says so', () => {
  const { container } = render(
    <PointsHistory
      items={[
        historyItem({ id: 'r1', kind: 'release', reason: '购物积分到账', available: 120, pending: -120 }),
        historyItem({ id: 'p1', kind: 'earn', reason: '购物得积分', available: 0, pending: 120 }),
      ]}
    />,
  );

  expect(rows(container)).toEqual([
    { reason: '购物积分到账', amount: '+120', note: '待入账积分转为可用' },
    { reason: '购物得积分', amount: '+120', note: '待入账，售后期结束后可用' },
  ]);
  expect(container.querySelector('.points-history__amount--pending')).not.toBeNull();
});

test('a refund claw-back shows what it took, and an entry without a reason falls back to its kind', () => {
  const { container } = render(
    <PointsHistory
      items={[
        historyItem({ id: 'c1', kind: 'clawback', reason: '订单退款扣回积分', available: -150, pending: 0 }),
        historyItem({ id: 'c2', kind: 'refund', reason: '', available: 800 }),
      ]}
    />,
  );

  expect(rows(container)).toEqual([
    { reason: '订单退款扣回积分', amount: '-150', note: null },
    { reason: '积分退回', amount: '+800', note: null },
  ]);
});
