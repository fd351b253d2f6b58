import { useState } from 'react';
import { render } from '@testing-library/react';
import { entryFen } from '~/src/packages/staff/amount-entry';
import { tap } from '~/src/test/taro-events';
import { AmountKeypad } from './amount-keypad';

function Harness({ onFen }: { onFen: (fen: number) => void }) {
  const [value, setValue] = useState('');
  return (
    <>
      <AmountKeypad
        value={value}
        onChange={(next) => {
          setValue(next);
          onFen(entryFen(next));
        }}
      />
      <span className="typed">{value}</span>
    </>
  );
}

test('digits, 00, the point, backspace and clear build an amount in fen', async () => {
  const onFen = jest.fn();
  const { container } = render(<Harness onFen={onFen} />);
  const press = async (...keys: string[]) => {
    for (const key of keys) await tap(container.querySelector(`.keypad-key--${key}`));
  };

  await press('0', '0', '1', '2', 'dot', '3');
  expect(container.querySelector('.typed')?.textContent).toBe('12.3');
  expect(onFen).toHaveBeenLastCalledWith(1230);

  await press('4', '5');
  expect(container.querySelector('.typed')?.textContent).toBe('12.34');

  await press('back', 'back', 'back', '00');
  expect(container.querySelector('.typed')?.textContent).toBe('1200');
  expect(onFen).toHaveBeenLastCalledWith(120_000);

  await press('clear', 'dot', '0', '5');
  expect(onFen).toHaveBeenLastCalledWith(5);
});
