import { Text } from '@tarojs/components';
import { yuanParts } from '~/core/money/format';
import type { Fen } from '~/types/units';
import './index.scss';

interface PriceTextProps {
  fen: Fen;
  size?: 'sm' | 'md' | 'lg';
  /** A struck-through list price beside a member price. */
  struck?: boolean;
  className?: string;
}

/** A price in yuan, the way shops print it: a small ¥, the whole yuan large, the fen small. */
export function PriceText({ fen, size = 'md', struck = false, className }: PriceTextProps) {
  const { sign, yuan, cents } = yuanParts(fen);
  const fenText = cents ? `.${String(cents).padStart(2, '0')}` : '';
  const classes = ['price-text', `price-text--${size}`, struck ? 'price-text--struck' : '', className ?? ''].filter(Boolean).join(' ');
  // Unlike formatYuan, the whole yuan are not grouped: ¥1299, not ¥1,299.
  if (struck) return <Text className={classes}>{`¥${yuan}${fenText}`}</Text>;
  return (
    <Text className={classes}>
      <Text className="price-text__sign">{`${sign}¥`}</Text>
      <Text className="price-text__yuan">{yuan}</Text>
      {fenText ? <Text className="price-text__cents">{fenText}</Text> : null}
    </Text>
  );
}
