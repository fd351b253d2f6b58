import { Image, Text, View } from '@tarojs/components';
import type { CartLine as CartLineData, CartLineCheck } from '~/src/stores/cart';
import { isBuyable, MAX_LINE_QUANTITY } from '~/src/stores/cart';
import { PriceText } from '~/src/components/price-text';
import { QuantityStepper } from '../quantity-stepper';
import './index.scss';

interface CartLineProps {
  line: CartLineData;
  check: CartLineCheck | undefined;
  onToggle: () => void;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  onOpen: () => void;
}

/** Lines that can no longer be bought at all, whatever the quantity. */
export function isGone(check: CartLineCheck | undefined): boolean {
  return check?.state === 'notFound' || check?.state === 'offShelf' || check?.state === 'soldOut';
}

/** One cart line: select, picture, title and spec, the check's message, the member price and the quantity. */
export function CartLine({ line, check, onToggle, onQuantity, onRemove, onOpen }: CartLineProps) {
  const gone = isGone(check);
  const buyable = isBuyable(line, check);
  const tone = check?.state === 'priceChanged' ? 'info' : 'warning';
  const maxQuantity = check && check.stock > 0 ? Math.min(check.stock, MAX_LINE_QUANTITY) : MAX_LINE_QUANTITY;
  return (
    <View className={`cart-line${gone ? ' cart-line--gone' : ''} cart-line--${check?.state ?? 'unchecked'}`}>
      <View className="cart-line__check" onClick={buyable ? onToggle : undefined}>
        {gone ? (
          <Text className="cart-line__gone-mark">失效</Text>
        ) : (
          <View
            className={`cart-line__box line-select${line.selected && buyable ? ' cart-line__box--on' : ''}${buyable ? '' : ' cart-line__box--off'}`}
          />
        )}
      </View>
      <Image className="cart-line__image" src={line.imageUrl} mode="aspectFill" onClick={onOpen} />
      <View className="cart-line__body">
        <Text className="cart-line__title line-title" onClick={onOpen}>
          {line.title}
        </Text>
        {line.specText ? <Text className="cart-line__spec">{line.specText}</Text> : null}
        {check?.message ? <Text className={`cart-line__message cart-line__message--${tone} line-message`}>{check.message}</Text> : null}
        <View className="cart-line__foot">
          <View className="cart-line__price">
            <PriceText fen={line.memberPriceFen} size="sm" className="line-price" />
            {line.priceFen > line.memberPriceFen ? <PriceText fen={line.priceFen} struck /> : null}
          </View>
          {gone ? (
            <Text className="cart-line__remove line-remove" onClick={onRemove}>
              删除
            </Text>
          ) : (
            <QuantityStepper value={line.quantity} max={Math.max(line.quantity, maxQuantity)} onChange={onQuantity} />
          )}
        </View>
        {gone ? null : (
          <Text className="cart-line__delete line-remove" onClick={onRemove}>
            删除
          </Text>
        )}
      </View>
    </View>
  );
}
