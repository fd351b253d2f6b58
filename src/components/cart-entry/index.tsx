import { Text, View } from '@tarojs/components';
import { ROUTES } from '~/src/routes';
import { useCartStore } from '~/src/stores/cart';
import { openPage } from '~/src/utils/navigate';
import './index.scss';

/** A round button at the bottom right that opens the cart, with how many items it holds. */
export function CartEntry() {
  const count = useCartStore((s) => s.lines.reduce((sum, line) => sum + line.quantity, 0));
  return (
    <View className="cart-entry" onClick={() => openPage(ROUTES.cart)}>
      <Text className="cart-entry__label">购物车</Text>
      {count > 0 ? <Text className="cart-entry__badge cart-count">{count > 99 ? '99+' : count}</Text> : null}
    </View>
  );
}
