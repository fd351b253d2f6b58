import { Text, View } from '@tarojs/components';
import type { AmountKey } from '~/src/packages/staff/amount-entry';
import { pressKey } from '~/src/packages/staff/amount-entry';
import './amount-keypad.scss';

const GRID: { key: AmountKey; name: string; label: string }[] = [
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => ({ key: digit as AmountKey, name: digit, label: digit })),
  { key: '00', name: '00', label: '00' },
  { key: '0', name: '0', label: '0' },
  { key: '.', name: 'dot', label: '.' },
];

interface AmountKeypadProps {
  /** The amount as typed so far (`''` when nothing is). */
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** An on-screen keypad for an amount in yuan: digits, 00, a decimal point, backspace and clear. */
export function AmountKeypad({ value, onChange, disabled = false }: AmountKeypadProps) {
  const press = (key: AmountKey) => {
    if (!disabled) onChange(pressKey(value, key));
  };
  return (
    <View className={`amount-keypad${disabled ? ' amount-keypad--disabled' : ''}`}>
      <View className="amount-keypad__grid">
        {GRID.map((item) => (
          <View key={item.name} className={`amount-keypad__key keypad-key keypad-key--${item.name}`} onClick={() => press(item.key)}>
            <Text>{item.label}</Text>
          </View>
        ))}
      </View>
      <View className="amount-keypad__side">
        <View className="amount-keypad__key amount-keypad__key--side keypad-key keypad-key--back" onClick={() => press('back')}>
          <Text>⌫</Text>
        </View>
        <View className="amount-keypad__key amount-keypad__key--side keypad-key keypad-key--clear" onClick={() => press('clear')}>
          <Text>清空</Text>
        </View>
      </View>
    </View>
  );
}
