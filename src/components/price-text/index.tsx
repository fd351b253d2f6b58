import { Text } from '@tarojs/components';
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
  const yuan = Math.floor(Math.abs(fen) / 100);
  const cents = Math.abs(fen) % 100;
  const classes = ['price-text', `price-text--${size}`, struck ? 'price-text--struck' : '', className ?? ''].filter(Boolean).join(' ');
  if (struck) return <Text className={classes}>{`¥${yuan}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`}</Text>;
  return (
    <Text className={classes}>
      <Text className="price-text__sign">{fen < 0 ? '-¥' : '¥'}</Text>
      <Text className="price-text__yuan">{yuan}</Text>
      {cents ? <Text className="price-text__cents">.{String(cents).padStart(2, '0')}</Text> : null}
    </Text>
  );
}
