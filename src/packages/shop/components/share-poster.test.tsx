import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PosterCanvas } from './poster-canvas';
import * as posterCanvas from './poster-canvas';
import type { PosterContent } from './poster-drawing';
import { SharePoster } from './share-poster';

jest.mock('./poster-canvas');
const canvasApi = jest.mocked(posterCanvas);

const CONTENT: PosterContent = {
  title: '云南保山小粒咖啡豆',
  priceFen: 8_820,
  priceLabel: '银卡会员价',
  storeName: '悦享商城',
  link: 'http://127.0.0.1:8080/#/packages/shop/pages/product/index?id=coffee-beans&sharer=MyOwnCode_12',
};

/** A Canvas 2D context that records what is drawn; text is 20 units per character. */
function recordingContext() {
  return {
    fillStyle: '',
    font: '',
    textBaseline: '',
    scale: jest.fn(),
    fillRect: jest.fn(),
    fillText: jest.fn(),
    drawImage: jest.fn(),
    measureText: jest.fn((text: string) => ({ width: Array.from(text).length * 20 })),
  };
}

let ctx: ReturnType<typeof recordingContext>;

beforeEach(() => {
  jest.clearAllMocks();
  ctx = recordingContext();
  const canvas: PosterCanvas = { width: 0, height: 0, getContext: () => ctx };
  canvasApi.findPosterCanvas.mockResolvedValue(canvas);
  canvasApi.loadPosterPhoto.mockResolvedValue({ image: 'photo', width: 800, height: 600 });
  canvasApi.posterFile.mockResolvedValue('data:image/png;base64,cG9zdGVy');
});

async function openPoster() {
  const view = render(<SharePoster visible content={CONTENT} photoUrl="/media/products/coffee-beans.svg" onClose={jest.fn()} />);
  await waitFor(() => expect(view.container.querySelector('.poster-image')).not.toBeNull());
  return view;
}

test('draws the photo, name, member price, store and a QR code of the share link, then shows the picture', async () => {
  const { container } = await openPoster();
  const texts = ctx.fillText.mock.calls.map(([text]) => text);
  expect(texts).toEqual(expect.arrayContaining(['云南保山小粒咖啡豆', '银卡会员价', '¥88.20', '悦享商城', '长按识别 查看商品']));
  expect(canvasApi.loadPosterPhoto).toHaveBeenCalledWith(expect.anything(), '/media/products/coffee-beans.svg');
  // The 800 × 600 photo is cropped to its centre square and fills the poster's width.
  expect(ctx.drawImage).toHaveBeenCalledWith('photo', 100, 0, 600, 600, 0, 0, 600, 600);
  // The QR code: black runs of modules inside a square at the poster's lower right.
  const dark = ctx.fillRect.mock.calls.filter(([x, y]) => x >= 410 && y >= 640);
  expect(dark.length).toBeGreaterThan(50);
  expect(ctx.scale).toHaveBeenCalledWith(2, 2);
  expect(container.querySelector('.poster-image')?.getAttribute('src')).toBe('data:image/png;base64,cG9zdGVy');
});

test('a long name wraps to two lines and is cut with an ellipsis', async () => {
  const long = { ...CONTENT, title: '超长的商品名称'.repeat(6) };
  render(<SharePoster visible content={long} photoUrl="" onClose={jest.fn()} />);
  await waitFor(() => expect(canvasApi.posterFile).toHaveBeenCalled());
  const nameLines = ctx.fillText.mock.calls.filter(([text]) => String(text).startsWith('超') || String(text).includes('名称'));
  expect(nameLines).toHaveLength(2);
  expect(String(nameLines[1]?.[0])).toMatch(/…$/);
});

test('saves to the album, and when the permission was refused explains it and offers the settings', async () => {
  const { container } = await openPoster();
  await act(async () => {
    fireEvent.click(container.querySelector('.poster-save') as Element);
  });
  expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'data:image/png;base64,cG9zdGVy' });
  expect(Taro.showModal).not.toHaveBeenCalled();

  jest.mocked(Taro.saveImageToPhotosAlbum).mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' } as never);
  await act(async () => {
    fireEvent.click(container.querySelector('.poster-save') as Element);
  });
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '无法保存到相册', confirmText: '去设置' }));
  expect(Taro.openSetting).toHaveBeenCalled();
});

test('says so when the canvas cannot be drawn', async () => {
  canvasApi.findPosterCanvas.mockResolvedValue(null);
  const { findByText } = render(<SharePoster visible content={CONTENT} photoUrl="" onClose={jest.fn()} />);
  expect(await findByText('海报生成失败，请关闭后重试')).not.toBeNull();
});
