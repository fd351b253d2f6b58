import { render } from '@testing-library/react';
import { breakdown } from '~/src/test/shop';
import { OrderBreakdown } from './index';

function rows(container: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    [...container.querySelectorAll<HTMLElement>('[class*="breakdown-"]')]
      .filter((row) => row.querySelector('.breakdown-value'))
      .map((row) => {
        const kind = [...row.classList].find((name) => name.startsWith('breakdown-'))!.replace('breakdown-', '');
        return [kind, row.querySelector('.breakdown-value')!.textContent ?? ''];
      }),
  );
}

test('shows every part of the server breakdown: member discount, coupon, points, delivery, payable and points to earn', () => {
  const { container } = render(<OrderBreakdown breakdown={breakdown()} tierName="银卡会员" />);

  expect(rows(container)).toEqual({
    list: '¥245.90',
    member: '-¥4.52',
    coupon: '-¥20',
    points: '-¥50',
    shipping: '免运费',
    payable: '¥171.38',
    earn: '+205',
  });
  expect(container.querySelector('.breakdown-member')?.textContent).toContain('会员优惠 · 银卡会员');
  expect(container.querySelector('.breakdown-points')?.textContent).toContain('5000积分');
});

test('leaves out discounts the order did not get, shows a delivery fee and a delivery coupon', () => {
  const { container } = render(
    <OrderBreakdown
      breakdown={breakdown({
        memberDiscountFen: 0,
        couponDiscountFen: 0,
        pointsUsed: 0,
        pointsDiscountFen: 0,
        shippingFeeFen: 800,
        shippingDiscountFen: 800,
        payableFen: 24_590,
        pointsToEarn: 245,
      })}
      payableLabel="实付款"
    />,
  );

  expect(rows(container)).toEqual({ list: '¥245.90', shipping: '¥8', 'shipping-discount': '-¥8', payable: '¥245.90', earn: '+245' });
  expect(container.querySelector('.breakdown-payable')?.textContent).toContain('实付款');
});

test('a pickup order has no delivery line', () => {
  const { container } = render(<OrderBreakdown breakdown={breakdown()} pickup />);

  expect(container.querySelector('.breakdown-shipping')).toBeNull();
  expect(container.querySelector('.breakdown-payable .breakdown-value')?.textContent).toBe('¥171.38');
});
