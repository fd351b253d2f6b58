import type { ReactElement } from 'react';
import { act, render, waitFor } from '@testing-library/react';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { CloudError } from '~/src/services/cloud';
import * as shareService from '~/src/services/share';
import { useMemberStore } from '~/src/stores/member';
import { useShareStore } from '~/src/stores/share';
import { ShareButton } from '~/src/components/share-button';
import type { ShareContent } from './use-share';
import { useShare } from './use-share';
import { sharePath, sharerOf } from './share-link';

jest.mock('~/src/services/share');
const service = jest.mocked(shareService);

const MY_CODE = 'MyOwnCode_12';
const FRIEND_CODE = 'FriendCode-9';

function Page(props: ShareContent) {
  const share = useShare(props);
  return <ShareButton link={share.link} />;
}

/** What the page answers WeChat's share sheet and Moments with, as the latest render registered it. */
/** Renders and lets the share code arrive inside act, as a page would settle. */
async function renderSettled(element: ReactElement) {
  let result: ReturnType<typeof render> | undefined;
  await act(async () => {
    result = render(element);
  });
  return result as ReturnType<typeof render>;
}

const shareMessage = () => (jest.mocked(useShareAppMessage).mock.lastCall?.[0] as () => unknown)();
const timeline = () => (jest.mocked(useShareTimeline).mock.lastCall?.[0] as () => unknown)();

beforeEach(() => {
  jest.clearAllMocks();
  useShareStore.setState({ code: null, guest: false });
  useMemberStore.setState({ status: 'member' });
  jest.mocked(useRouter).mockReturnValue({ params: {} } as ReturnType<typeof useRouter>);
  service.getShareCode.mockResolvedValue({ code: MY_CODE });
  service.recordShareVisit.mockResolvedValue({ outcome: 'recorded' });
});

test("a product share carries the product's name, photo, id and the member's share code", async () => {
  await renderSettled(<Page page="product" productId="coffee-beans" title="云南小粒咖啡豆" imageUrl="/media/products/coffee-beans.svg" />);
  await waitFor(() => expect(useShareStore.getState().code).toBe(MY_CODE));
  expect(shareMessage()).toEqual({
    title: '云南小粒咖啡豆',
    path: `/packages/shop/pages/product/index?id=coffee-beans&sharer=${MY_CODE}`,
    imageUrl: '/media/products/coffee-beans.svg',
  });
  expect(timeline()).toEqual({
    title: '云南小粒咖啡豆',
    query: `id=coffee-beans&sharer=${MY_CODE}`,
    imageUrl: '/media/products/coffee-beans.svg',
  });
  expect(service.recordShareVisit).not.toHaveBeenCalled();
});

test.each([
  ['home', '/pages/index/index'],
  ['couponCentre', '/packages/coupons/pages/centre/index'],
  ['mall', '/packages/mall/pages/index/index'],
] as const)('the %s share opens %s with the sharer code and the fixed share image', async (page, route) => {
  await renderSettled(<Page page={page} title="悦享商城" imageUrl="/assets/share.png" />);
  await waitFor(() => expect(useShareStore.getState().code).toBe(MY_CODE));
  expect(shareMessage()).toEqual({ title: '悦享商城', path: `${route}?sharer=${MY_CODE}`, imageUrl: '/assets/share.png' });
  expect(timeline()).toEqual({ title: '悦享商城', query: `sharer=${MY_CODE}`, imageUrl: '/assets/share.png' });
});

test("a guest's share has no sharer, and the link is copied in H5", async () => {
  service.getShareCode.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'join the membership first'));
  useMemberStore.setState({ status: 'guest' });
  const { container } = await renderSettled(<Page page="mall" title="积分商城" imageUrl="/assets/share.png" />);
  await waitFor(() => expect(useShareStore.getState().guest).toBe(true));
  expect(shareMessage()).toMatchObject({ path: '/packages/mall/pages/index/index' });
  (container.querySelector('.share-button') as HTMLElement).click();
  expect(Taro.setClipboardData).toHaveBeenCalledWith({
    data: `${window.location.origin}${window.location.pathname}#/packages/mall/pages/index/index`,
  });
});

test('opening a shared link reports the visit once, with the page and product read from the query', async () => {
  jest
    .mocked(useRouter)
    .mockReturnValue({ params: { id: 'coffee-beans', sharer: FRIEND_CODE } } as unknown as ReturnType<typeof useRouter>);
  const { rerender } = await renderSettled(<Page page="product" productId="coffee-beans" title="咖啡豆" imageUrl="" />);
  await act(async () => {
    rerender(<Page page="product" productId="coffee-beans" title="咖啡豆（新）" imageUrl="" />);
  });
  await waitFor(() => expect(service.recordShareVisit).toHaveBeenCalledTimes(1));
  expect(service.recordShareVisit).toHaveBeenCalledWith(FRIEND_CODE, 'product', 'coffee-beans');
  // The visitor's own shares still carry their own code, never the one they arrived with.
  await waitFor(() =>
    expect(shareMessage()).toMatchObject({ path: `/packages/shop/pages/product/index?id=coffee-beans&sharer=${MY_CODE}` }),
  );
});

test('a mangled sharer is ignored', async () => {
  jest.mocked(useRouter).mockReturnValue({ params: { sharer: 'x<script>' } } as unknown as ReturnType<typeof useRouter>);
  await renderSettled(<Page page="home" title="悦享商城" imageUrl="" />);
  expect(service.recordShareVisit).not.toHaveBeenCalled();
});

test('share paths and the sharer query read back', () => {
  expect(sharePath('product', 'tee-1', null)).toBe('/packages/shop/pages/product/index?id=tee-1');
  expect(sharePath('home', null, null)).toBe('/pages/index/index');
  expect(sharerOf({ sharer: MY_CODE })).toBe(MY_CODE);
  expect(sharerOf({ sharer: encodeURIComponent(FRIEND_CODE) })).toBe(FRIEND_CODE);
  expect(sharerOf({ sharer: 'short' })).toBeNull();
  expect(sharerOf({})).toBeNull();
});
