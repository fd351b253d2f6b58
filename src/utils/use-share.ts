import { useEffect } from 'react';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { SharePage } from '~/types/shares';
import { useMemberStore } from '../stores/member';
import { useShareStore } from '../stores/share';
import { h5ShareUrl, shareQuery, sharePath, sharerOf } from './share-link';

export interface ShareContent {
  page: SharePage;
  title: string;
  /** The picture of the share card: the product's photo, or the page's fixed share image. */
  imageUrl: string;
  /** The product shared, on the product page. */
  productId?: string | null;
}

export interface Share {
  /** The page's path with its query and, for a member, their share code. */
  path: string;
  /** What a share of this page carries: the same as `useShareAppMessage` answers WeChat. */
  message: { title: string; path: string; imageUrl: string };
  /** The address to hand out: the full H5 address in the H5 build, the page path in the mini-program. */
  link: string;
}

/**
 * Makes a page shareable to a chat and to Moments (the page config must enable both), with the
 * member's share code in the link; and reports a visit when the page was opened from someone's
 * link. Shares are attributed only: nothing is given for sharing, as WeChat forbids rewards for it.
 */
export function useShare({ page, title, imageUrl, productId = null }: ShareContent): Share {
  const { params } = useRouter();
  const incoming = sharerOf(params);
  const code = useShareStore((s) => s.code);
  const guest = useShareStore((s) => s.guest);
  const memberStatus = useMemberStore((s) => s.status);

  useEffect(() => {
    if (!code && (!guest || memberStatus === 'member')) void useShareStore.getState().loadCode();
  }, [code, guest, memberStatus]);

  useEffect(() => {
    if (incoming && (page !== 'product' || productId)) void useShareStore.getState().recordVisit(incoming, page, productId);
  }, [incoming, page, productId]);

  const path = sharePath(page, productId, code);
  const message = { title, path, imageUrl };
  useShareAppMessage(() => message);
  useShareTimeline(() => ({ title, query: shareQuery(productId, code), imageUrl }));

  const link = process.env.TARO_ENV === 'h5' ? h5ShareUrl(path, window.location) : path;
  return { path, message, link };
}

/** Copies a share link (the H5 build cannot open WeChat's share sheet); Taro says 内容已复制. */
export function copyShareLink(link: string): void {
  void Taro.setClipboardData({ data: link });
}
