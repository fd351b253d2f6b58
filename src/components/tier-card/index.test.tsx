import { render } from '@testing-library/react';
import { tierProgress } from '~/src/test/loyalty-fixtures';
import { TierCard } from './index';

function text(container: HTMLElement, selector: string): string | null | undefined {
  return container.querySelector(selector)?.textContent;
}

function progressWidth(container: HTMLElement): string | undefined {
  return container.querySelector<HTMLElement>('.nut-progress-inner')?.style.width;
}

test('shows the tier, the spend in the window and the way to the next tier', () => {
  const { container } = render(<TierCard view={tierProgress()} />);

  expect(text(container, '.tier-name')).toBe('银卡会员');
  expect(text(container, '.tier-spend')).toBe('¥3,000');
  expect(text(container, '.tier-next')).toBe('再消费 ¥2,000 升级为「金卡会员」');
  // ¥3,000 of the way from silver (¥1,000) to gold (¥5,000): half way.
  expect(progressWidth(container)).toBe('50%');
});

test('says what keeps the tier by the review date, and when it would drop', () => {
  const view = tierProgress({ spendFen: 50_000, toNextFen: 450_000, toKeepFen: 30_000, downgradeAt: Date.UTC(2027, 2, 31, 4) });
  const { container } = render(<TierCard view={view} />);

  expect(text(container, '.tier-keep')).toBe('2027年3月1日 评审前再消费 ¥300 即可保级');
  expect(text(container, '.tier-downgrade')).toBe('如评审时仍未达标，宽限期后（2027年3月31日）将调整为下一等级');
  expect(progressWidth(container)).toBe('0%');
});

test('a member who already meets the keep threshold sees the next review date', () => {
  const { container } = render(<TierCard view={tierProgress()} />);

  expect(text(container, '.tier-keep')).toBe('已满足保级条件，下次评审日 2027年3月1日');
  expect(container.querySelector('.tier-downgrade')).toBeNull();
});

test('the entry tier never needs keeping, and the top tier has nothing above it', () => {
  const entry = render(
    <TierCard
      view={tierProgress({
        current: { id: 'normal', name: '普通会员', perks: [] },
        next: { id: 'silver', name: '银卡会员', entrySpendFen: 100_000 },
        spendFen: 0,
        toNextFen: 100_000,
      })}
    />,
  );
  expect(text(entry.container, '.tier-keep')).toBe('「普通会员」长期有效，无需保级');
  expect(text(entry.container, '.tier-next')).toBe('再消费 ¥1,000 升级为「银卡会员」');
  entry.unmount();

  const top = render(
    <TierCard
      view={tierProgress({ current: { id: 'diamond', name: '钻石会员', perks: [] }, next: null, spendFen: 2_500_000, toNextFen: 0 })}
    />,
  );
  expect(text(top.container, '.tier-next')).toBe('你已是最高等级「钻石会员」');
  expect(progressWidth(top.container)).toBe('100%');
});
