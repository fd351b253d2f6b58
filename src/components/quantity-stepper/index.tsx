import { Text, View } from '@tarojs/components';
import './index.scss';

interface QuantityStepperProps {
  value: number;
  min?: number;
  max: number;
  disabled?: boolean;
  onChange: (value: number) => void;
}

/** − n + for a quantity, bounded by stock and the per-line limit. */
export function QuantityStepper({ value, min = 1, max, disabled = false, onChange }: QuantityStepperProps) {
  const canLess = !disabled && value > min;
  const canMore = !disabled && value < max;
  return (
    <View className={`quantity-stepper${disabled ? ' quantity-stepper--disabled' : ''}`}>
      <View
        className={`quantity-stepper__button quantity-minus${canLess ? '' : ' quantity-stepper__button--off'}`}
        onClick={(event) => {
          event.stopPropagation();
          if (canLess) onChange(value - 1);
        }}
      >
        <Text>−</Text>
      </View>
      <Text className="quantity-stepper__value quantity-value">{value}</Text>
      <View
        className={`quantity-stepper__button quantity-plus${canMore ? '' : ' quantity-stepper__button--off'}`}
        onClick={(event) => {
          event.stopPropagation();
          if (canMore) onChange(value + 1);
        }}
      >
        <Text>+</Text>
      </View>
    </View>
  );
}
