import type { SharePage } from '~/types/shares';
import { SHARE_CODE_PATTERN } from '~/types/shares';
import { ROUTES } from '../routes';

/** The page each share opens. */
export const SHARE_ROUTES: Record<SharePage, string> = {
  home: ROUTES.home,
  product: ROUTES.product,
  couponCentre: ROUTES.couponCentre,
  mall: ROUTES.mall,
};

/** The query of a shared page: the product's id on a product page, then the sharer's code when there is one. */
export function shareQuery(productId: string | null, sharer: string | null): string {
  const pairs: string[] = [];
  if (productId) pairs.push(`id=${encodeURIComponent(productId)}`);
  if (sharer) pairs.push(`sharer=${encodeURIComponent(sharer)}`);
  return pairs.join('&');
}

/** The path a share opens, with its query. */
export function sharePath(page: SharePage, productId: string | null, sharer: string | null): string {
  const query = shareQuery(productId, sharer);
  return query ? `${SHARE_ROUTES[page]}?${query}` : SHARE_ROUTES[page];
}

/** The sharer code a page was opened with, when it has one that could be a code; a mangled one is ignored. */
export function sharerOf(params: Partial<Record<string, string>>): string | null {
  const sharer = params.sharer ? decodeURIComponent(params.sharer) : '';
  return SHARE_CODE_PATTERN.test(sharer) ? sharer : null;
}

/** The H5 build's address of a page path (hash routing), to copy or draw as a QR code. */
export function h5ShareUrl(path: string, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}#${path}`;
}
