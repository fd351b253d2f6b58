import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProductCard as ProductCardView } from '~/types/functions/catalog';
import { ROUTES } from '~/src/routes';
import { PriceText } from '../price-text';
import './index.scss';

interface ProductCardProps {
  product: ProductCardView;
}

/** Sales counts the way shoppers read them: 980, 1.2万. */
export function salesText(count: number): string {
  if (count >= 10_000) return `已售${(Math.floor(count / 1_000) / 10).toFixed(1).replace(/\.0$/, '')}万`;
  return `已售${count}`;
}

/** A product in a two-column grid: picture, title, member price (and the list price when it differs), sales. */
export function ProductCard({ product }: ProductCardProps) {
  const memberPriced = product.memberMinPriceFen < product.minPriceFen;
  const open = () => void Taro.navigateTo({ url: `${ROUTES.product}?id=${encodeURIComponent(product.id)}` });
  return (
    <View className={`product-card${product.soldOut ? ' product-card--sold-out' : ''}`} onClick={open}>
      <View className="product-card__picture">
        <Image className="product-card__image" src={product.imageUrl} mode="aspectFill" lazyLoad />
        {product.soldOut ? <Text className="product-card__badge">已售罄</Text> : null}
      </View>
      <View className="product-card__body">
        <Text className="product-card__title product-title">{product.title}</Text>
        {product.subtitle ? <Text className="product-card__subtitle">{product.subtitle}</Text> : null}
        <View className="product-card__price">
          <PriceText fen={product.memberMinPriceFen} size="sm" className="product-price" />
          {memberPriced ? <Text className="product-card__tag">会员价</Text> : null}
          {product.priceVaries ? <Text className="product-card__from">起</Text> : null}
        </View>
        <View className="product-card__meta">
          {memberPriced ? <PriceText fen={product.minPriceFen} struck /> : <Text />}
          <Text className="product-card__sales">{salesText(product.salesCount)}</Text>
        </View>
      </View>
    </View>
  );
}

/** Products two to a row. */
export function ProductGrid({ products }: { products: ProductCardView[] }) {
  return (
    <View className="product-grid">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </View>
  );
}
