import { useEffect, useState } from 'react';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { specText } from '~/core/catalog/spec-text';
import type { ProductDetail, SkuView } from '~/types/functions/catalog';
import { LoadState } from '~/src/components/load-state';
import { WelcomeSheet } from '~/src/components/welcome-sheet';
import { PriceText } from '~/src/components/price-text';
import { StatusPanel } from '~/src/components/status-panel';
import { salesText } from '~/src/components/product-card';
import { ROUTES } from '~/src/routes';
import { useCartStore } from '~/src/stores/cart';
import { useCatalogStore } from '~/src/stores/catalog';
import { useCheckoutStore } from '~/src/stores/checkout';
import { idle } from '~/src/stores/loadable';
import { formatYuan } from '~/core/money/format';
import type { PickerAction } from '~/src/packages/shop/components/sku-picker';
import { SkuPicker } from '~/src/packages/shop/components/sku-picker';
import { ProductShare, useProductShare } from '~/src/packages/shop/components/product-share';
import type { SpecChoice } from '~/src/packages/shop/sku-selection';
import { chosenSku, initialChoice, missingSpecs, toggleValue } from '~/src/packages/shop/sku-selection';
import { openPage } from '~/src/utils/navigate';
import { FavouriteButton } from '~/src/packages/shop/components/favourite-button';
import { Recommendations } from '~/src/components/recommendations';
import './index.scss';

/** The product's pictures to swipe through, with where the member is ("2/3"); a tap opens them full screen. */
function Gallery({ product }: { product: ProductDetail }) {
  const [current, setCurrent] = useState(0);
  const images = product.images.length > 0 ? product.images : [product.imageUrl];
  const preview = (src: string) => void Taro.previewImage({ current: src, urls: images });
  return (
    <View className="product-gallery">
      <Swiper className="product-gallery__swiper" current={current} onChange={(event) => setCurrent(event.detail.current)}>
        {images.map((src, i) => (
          <SwiperItem key={`${i}:${src}`}>
            <Image className="product-gallery__image gallery-image" src={src} mode="aspectFill" onClick={() => preview(src)} />
          </SwiperItem>
        ))}
      </Swiper>
      {images.length > 1 ? (
        <Text className="product-gallery__indicator gallery-indicator">
          {current + 1}/{images.length}
        </Text>
      ) : null}
    </View>
  );
}

function PricePanel({ product, sku, quantity }: { product: ProductDetail; sku: SkuView | null; quantity: number }) {
  const price = sku?.memberPriceFen ?? product.memberMinPriceFen;
  const listPrice = sku?.priceFen ?? product.minPriceFen;
  const nextPrice = sku
    ? sku.nextTierPriceFen
    : (product.skus
        .map((item) => item.nextTierPriceFen)
        .filter((fen): fen is number => fen !== null)
        .sort((a, b) => a - b)[0] ?? null);
  const points = sku ? sku.pointsPerUnit * quantity : Math.min(...product.skus.map((item) => item.pointsPerUnit));
  return (
    <View className="price-panel">
      <View className="price-panel__main">
        <View className="price-panel__prices">
          <Text className="price-panel__label">
            {product.memberPrice && product.tier.memberPricePercent < 100 ? `${product.tier.name}价` : '售价'}
          </Text>
          <PriceText fen={price} size="lg" className="price-panel__price member-price" />
          {!sku && product.priceVaries ? <Text className="price-panel__from">起</Text> : null}
          {listPrice > price ? <PriceText fen={listPrice} struck /> : null}
        </View>
        <Text className="price-panel__points earn-points">
          预计可得 {points} 积分{sku ? (quantity > 1 ? `（${quantity}件）` : '') : product.priceVaries ? '起' : ''}
        </Text>
      </View>
      {product.nextTier && nextPrice !== null && nextPrice < price ? (
        <View className="price-panel__next next-tier-price">
          <Text className="price-panel__next-tag">{product.nextTier.name}</Text>
          <Text className="price-panel__next-text">
            升级{product.nextTier.name}，到手价 {formatYuan(nextPrice)}，每件再省 {formatYuan(price - nextPrice)}
          </Text>
        </View>
      ) : null}
      {!product.memberPrice ? <Text className="price-panel__note">该商品不参与会员折扣</Text> : null}
    </View>
  );
}

/** A product: pictures, prices for the member's tier and the next, points it earns, stock, the SKU picker, add to cart / buy now, 收藏 and 猜你喜欢. */
export default function ProductPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const product = useCatalogStore((s) => s.products[id]) ?? idle<ProductDetail>();
  const loadProduct = useCatalogStore((s) => s.loadProduct);
  const addToCart = useCartStore((s) => s.add);
  const cartCount = useCartStore((s) => s.lines.reduce((sum, line) => sum + line.quantity, 0));
  const beginCheckout = useCheckoutStore((s) => s.begin);
  const [choice, setChoice] = useState<SpecChoice | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [picker, setPicker] = useState<PickerAction | null>(null);

  useEffect(() => {
    if (id) void loadProduct(id);
  }, [id, loadProduct]);

  usePullDownRefresh(() => {
    void loadProduct(id).finally(() => Taro.stopPullDownRefresh());
  });

  const data = product.data;
  const share = useProductShare(id, data);
  const current = choice ?? (data ? initialChoice(data.specs, data.skus) : []);
  const sku = data ? chosenSku(data.skus, current) : null;

  const act = (action: 'cart' | 'buy') => {
    if (!data) return;
    if (!sku || sku.stock <= 0 || quantity > sku.stock) {
      setPicker(action);
      return;
    }
    setPicker(null);
    if (action === 'buy') {
      beginCheckout([{ skuId: sku.skuId, quantity }], 'buyNow');
      void Taro.navigateTo({ url: ROUTES.checkout });
      return;
    }
    const added = addToCart(
      {
        skuId: sku.skuId,
        productId: data.id,
        title: data.title,
        specText: specText(data.specs, sku.specValues),
        imageUrl: data.images[0] ?? data.imageUrl,
        priceFen: sku.priceFen,
        memberPriceFen: sku.memberPriceFen,
      },
      quantity,
    );
    void Taro.showToast({ title: added ? '已加入购物车' : '购物车已满，请先结算或删除部分商品', icon: added ? 'success' : 'none' });
  };

  if (product.error?.code === 'NOT_FOUND') {
    return (
      <View className="product-page">
        <StatusPanel
          kind="empty"
          title="商品不存在"
          text="这件商品已经不在店里了，看看别的好物吧"
          actionText="去逛逛"
          onAction={() => openPage(ROUTES.category)}
        />
      </View>
    );
  }

  return (
    <View className="product-page">
      <LoadState status={product.status} error={product.error} loadingText="正在加载商品…" onRetry={() => void loadProduct(id)}>
        {() => {
          const item = data as ProductDetail;
          const unavailable = !item.onShelf ? '该商品已下架' : item.soldOut ? '已售罄，正在补货' : null;
          const missing = missingSpecs(item.specs, current);
          const chosenText = sku ? `${specText(item.specs, sku.specValues) || '默认规格'} × ${quantity}` : `请选择 ${missing.join(' ')}`;
          return (
            <>
              <Gallery product={item} />
              {unavailable ? (
                <Text className={`product-page__banner ${item.onShelf ? 'sold-out-banner' : 'off-shelf-banner'}`}>{unavailable}</Text>
              ) : null}
              <PricePanel product={item} sku={sku} quantity={quantity} />
              <View className="product-info">
                <Text className="product-info__title product-detail-title">{item.title}</Text>
                {item.subtitle ? <Text className="product-info__subtitle">{item.subtitle}</Text> : null}
                <View className="product-info__facts">
                  <Text>{salesText(item.salesCount)}</Text>
                  <Text className="product-stock">
                    {sku
                      ? sku.stock > 0
                        ? `库存 ${sku.stock} 件`
                        : '该规格已售罄'
                      : `库存 ${item.skus.reduce((sum, s) => sum + s.stock, 0)} 件`}
                  </Text>
                </View>
              </View>
              <ProductShare product={item} priceFen={sku?.memberPriceFen ?? item.memberMinPriceFen} share={share} />
              <View className="product-rows">
                <View className="product-rows__row spec-row" onClick={() => !unavailable && setPicker('choose')}>
                  <Text className="product-rows__label">已选</Text>
                  <Text className="product-rows__value chosen-spec">{chosenText}</Text>
                  <Text className="product-rows__arrow">›</Text>
                </View>
                <View className="product-rows__row">
                  <Text className="product-rows__label">配送</Text>
                  <Text className="product-rows__value">快递配送 · 支持门店自提</Text>
                </View>
                <View className="product-rows__row">
                  <Text className="product-rows__label">积分</Text>
                  <Text className="product-rows__value">订单完成7天后到账，下单时可用积分抵现</Text>
                </View>
              </View>
              {item.description ? (
                <View className="product-description">
                  <Text className="product-description__title">商品详情</Text>
                  <Text className="product-description__text">{item.description}</Text>
                </View>
              ) : null}
              <Recommendations productIds={[item.id]} />

              <View className="product-bar">
                <FavouriteButton productId={item.id} favourited={item.favourited} />
                <View className="product-bar__cart" onClick={() => openPage(ROUTES.cart)}>
                  <Text className="product-bar__cart-label">购物车</Text>
                  {cartCount > 0 ? <Text className="product-bar__badge cart-count">{cartCount > 99 ? '99+' : cartCount}</Text> : null}
                </View>
                {unavailable ? (
                  <View className="product-bar__button product-bar__button--off unavailable-button">
                    <Text>{item.onShelf ? '已售罄' : '已下架'}</Text>
                  </View>
                ) : (
                  <>
                    <View className="product-bar__button product-bar__button--cart add-to-cart" onClick={() => act('cart')}>
                      <Text>加入购物车</Text>
                    </View>
                    <View className="product-bar__button product-bar__button--buy buy-now" onClick={() => act('buy')}>
                      <Text>立即购买</Text>
                    </View>
                  </>
                )}
              </View>

              <SkuPicker
                product={item}
                visible={picker !== null}
                action={picker ?? 'choose'}
                choice={current}
                quantity={quantity}
                onChoose={(axis, value) => {
                  setChoice(toggleValue(current, axis, value));
                  setQuantity(1);
                }}
                onQuantity={setQuantity}
                onConfirm={act}
                onClose={() => setPicker(null)}
              />
            </>
          );
        }}
      </LoadState>
      <WelcomeSheet />
    </View>
  );
}
