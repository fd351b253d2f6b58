import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import type { ProductDetail } from '~/types/functions/catalog';
import type { Fen } from '~/types/units';
import { ShareButton } from '~/src/components/share-button';
import type { Share } from '~/src/utils/use-share';
import { useShare } from '~/src/utils/use-share';
import { SharePoster } from './share-poster';
import './product-share.scss';

/** The name printed on posters, as the home page shows it. */
export const STORE_NAME = '悦享商城';

/** The product page's share: the product's name and photo, and its id in the link. */
export function useProductShare(productId: string, product: ProductDetail | undefined | null): Share {
  const imageUrl = product ? (product.images[0] ?? product.imageUrl) : '';
  return useShare({ page: 'product', productId, title: product?.title ?? '', imageUrl });
}

interface ProductShareProps {
  product: ProductDetail;
  /** The member's price on show (of the chosen SKU, or the lowest). */
  priceFen: Fen;
  share: Share;
}

/** 分享 and 分享海报 on the product page, and the poster they open. */
export function ProductShare({ product, priceFen, share }: ProductShareProps) {
  const [poster, setPoster] = useState(false);
  const discounted = product.memberPrice && product.tier.memberPricePercent < 100;
  return (
    <View className="product-share">
      <ShareButton link={share.link} className="product-share__button" />
      <Button className="product-share__button poster-button" onClick={() => setPoster(true)}>
        分享海报
      </Button>
      <SharePoster
        visible={poster}
        photoUrl={product.images[0] ?? product.imageUrl}
        content={{
          title: product.title,
          priceFen,
          priceLabel: discounted ? `${product.tier.name}价` : '会员价',
          storeName: STORE_NAME,
          link: share.link,
        }}
        onClose={() => setPoster(false)}
      />
    </View>
  );
}
