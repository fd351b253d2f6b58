import { useEffect } from 'react';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import type { CatalogResponses } from '~/types/functions/catalog';
import { ProductGrid } from '~/src/components/product-card';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useCartStore } from '~/src/stores/cart';
import { useCatalogStore } from '~/src/stores/catalog';
import { useMemberStore } from '~/src/stores/member';
import { errorText } from '~/src/utils/error-text';
import { openPage } from '~/src/utils/navigate';
import './home-shop.scss';

const go = openPage;

function Shortcuts({ member }: { member: boolean }) {
  const couponCount = useMemberStore((s) => s.counts?.coupons);
  const cartCount = useCartStore((s) => s.lines.reduce((sum, line) => sum + line.quantity, 0));
  const coupons = member && couponCount !== undefined ? String(couponCount) : null;
  const items = [
    { key: 'coupons', label: '优惠券', value: coupons ?? '领券', url: member ? ROUTES.myCoupons : ROUTES.couponCentre },
    { key: 'orders', label: '我的订单', value: '查看', url: ROUTES.orders },
    { key: 'cart', label: '购物车', value: cartCount > 0 ? String(cartCount) : '去逛', url: ROUTES.cart },
    { key: 'category', label: '全部商品', value: '分类', url: ROUTES.category },
  ];
  return (
    <View className="home-shortcuts">
      {items.map((item) => (
        <View key={item.key} className={`home-shortcuts__item shortcut-${item.key}`} onClick={() => go(item.url)}>
          <Text className={`home-shortcuts__value${/^\d/.test(item.value) ? ' home-shortcuts__value--number' : ''} shortcut-value`}>
            {item.value}
          </Text>
          <Text className="home-shortcuts__label">{item.label}</Text>
        </View>
      ))}
    </View>
  );
}

function Banners({ banners }: { banners: CatalogResponses['home']['banners'] }) {
  if (banners.length === 0) return null;
  return (
    <Swiper
      className="home-banners"
      indicatorDots={banners.length > 1}
      indicatorColor="rgba(255,255,255,0.45)"
      indicatorActiveColor="#ffffff"
      autoplay={banners.length > 1}
      circular={banners.length > 1}
      interval={4500}
    >
      {banners.map((banner) => (
        <SwiperItem key={banner.id}>
          <Image
            className="home-banners__image home-banner"
            src={banner.imageUrl}
            mode="aspectFill"
            onClick={() => go(banner.productId ? `${ROUTES.product}?id=${encodeURIComponent(banner.productId)}` : ROUTES.category)}
          />
        </SwiperItem>
      ))}
    </Swiper>
  );
}

function Categories({ categories }: { categories: CatalogResponses['home']['categories'] }) {
  return (
    <View className="home-categories">
      {categories.map((category) => (
        <View
          key={category._id}
          className="home-categories__item home-category"
          onClick={() => go(`${ROUTES.category}?id=${encodeURIComponent(category._id)}`)}
        >
          <Image className="home-categories__icon" src={category.iconUrl} mode="aspectFill" />
          <Text className="home-categories__name">{category.name}</Text>
        </View>
      ))}
    </View>
  );
}

/** The shop on the home page: shortcuts (coupons, orders, cart), banners, categories and recommended products. */
export function HomeShop({ member }: { member: boolean }) {
  const home = useCatalogStore((s) => s.home);
  const loadHome = useCatalogStore((s) => s.loadHome);

  useEffect(() => {
    if (useCatalogStore.getState().home.status === 'idle') void loadHome();
  }, [loadHome]);

  let body;
  if (home.data) {
    body = (
      <>
        <Banners banners={home.data.banners} />
        <Categories categories={home.data.categories} />
        <View className="home-section">
          <View className="home-section__head">
            <Text className="home-section__title">为你推荐</Text>
            <Text className="home-section__more" onClick={() => go(ROUTES.category)}>
              全部商品 ›
            </Text>
          </View>
          {home.data.recommended.length === 0 ? (
            <Text className="home-section__empty">新品正在上架，敬请期待</Text>
          ) : (
            <ProductGrid products={home.data.recommended} />
          )}
        </View>
      </>
    );
  } else if (home.status === 'error') {
    body = <StatusPanel kind="error" text={errorText(home.error)} onRetry={() => void loadHome()} />;
  } else {
    body = <StatusPanel kind="loading" text="正在加载商品…" />;
  }

  return (
    <View className="home-shop">
      <Shortcuts member={member} />
      {body}
    </View>
  );
}
