import { Image, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import type { ProductDetail } from '~/types/functions/catalog';
import { PriceText } from '~/src/components/price-text';
import { MAX_LINE_QUANTITY } from '~/src/stores/cart';
import type { SpecChoice } from '../sku-selection';
import { chosenSku, missingSpecs, valueAvailable } from '../sku-selection';
import { QuantityStepper } from '~/src/components/quantity-stepper';
import './sku-picker.scss';

/** What the picker's button does: add to the cart, buy now, or (opened from 已选) offer both. */
export type PickerAction = 'cart' | 'buy' | 'choose';

interface SkuPickerProps {
  product: ProductDetail;
  visible: boolean;
  action: PickerAction;
  choice: SpecChoice;
  quantity: number;
  onChoose: (axis: number, value: string) => void;
  onQuantity: (quantity: number) => void;
  onConfirm: (action: 'cart' | 'buy') => void;
  onClose: () => void;
}

/** The bottom sheet where a shopper picks the spec values and quantity of a product. */
export function SkuPicker({ product, visible, action, choice, quantity, onChoose, onQuantity, onConfirm, onClose }: SkuPickerProps) {
  const sku = chosenSku(product.skus, choice);
  const missing = missingSpecs(product.specs, choice);
  const price = sku?.memberPriceFen ?? product.memberMinPriceFen;
  const listPrice = sku?.priceFen ?? product.minPriceFen;
  const stockText = sku ? (sku.stock > 0 ? `库存 ${sku.stock} 件` : '该规格已售罄') : `请选择 ${missing.join(' ')}`;
  const ready = sku !== null && sku.stock > 0 && quantity <= sku.stock;
  const button = (kind: 'cart' | 'buy', label: string) => (
    <View
      className={`sku-picker__button sku-picker__button--${kind} sku-confirm-${kind}${ready ? '' : ' sku-picker__button--off'}`}
      onClick={() => ready && onConfirm(kind)}
    >
      <Text>{label}</Text>
    </View>
  );

  return (
    <Popup visible={visible} position="bottom" round onClose={onClose} className="sku-popup">
      <View className="sku-picker">
        <View className="sku-picker__head">
          <Image className="sku-picker__image" src={product.images[0] ?? product.imageUrl} mode="aspectFill" />
          <View className="sku-picker__summary">
            <View className="sku-picker__price">
              <PriceText fen={price} size="lg" className="sku-price" />
              {listPrice > price ? <PriceText fen={listPrice} struck /> : null}
            </View>
            <Text className="sku-picker__stock sku-stock">{stockText}</Text>
            {sku ? <Text className="sku-picker__points">预计可得 {sku.pointsPerUnit * quantity} 积分</Text> : null}
          </View>
          <View className="sku-picker__close" onClick={onClose}>
            <Text>×</Text>
          </View>
        </View>

        {product.specs.map((spec, axis) => (
          <View className="sku-picker__spec" key={spec.name}>
            <Text className="sku-picker__spec-name">{spec.name}</Text>
            <View className="sku-picker__values">
              {spec.values.map((value) => {
                const chosen = choice[axis] === value;
                const available = valueAvailable(product.skus, choice, axis, value);
                return (
                  <View
                    key={value}
                    className={`sku-picker__value sku-value${chosen ? ' sku-picker__value--chosen' : ''}${available ? '' : ' sku-picker__value--off'}`}
                    onClick={() => (available || chosen) && onChoose(axis, value)}
                  >
                    <Text>{value}</Text>
                  </View>
                );
              })}
            </View>
          </View>
        ))}

        <View className="sku-picker__quantity">
          <Text className="sku-picker__spec-name">购买数量</Text>
          <QuantityStepper
            value={quantity}
            max={Math.max(1, Math.min(MAX_LINE_QUANTITY, sku?.stock ?? MAX_LINE_QUANTITY))}
            onChange={onQuantity}
          />
        </View>

        <View className="sku-picker__actions">
          {action === 'choose' ? (
            <>
              {button('cart', '加入购物车')}
              {button('buy', '立即购买')}
            </>
          ) : (
            button(action, action === 'cart' ? '加入购物车' : '立即购买')
          )}
        </View>
      </View>
    </Popup>
  );
}
