import { useEffect, useState } from 'react';
import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { findPosterCanvas, loadPosterPhoto, posterFile } from './poster-canvas';
import type { PosterContent } from './poster-drawing';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH } from './poster-drawing';
import './share-poster.scss';

const CANVAS_ID = 'share-poster-canvas';
/** Canvas pixels per poster unit: a sharp picture on 2× and 3× screens without a huge canvas. */
const SCALE = 2;

interface SharePosterProps {
  visible: boolean;
  content: PosterContent;
  photoUrl: string;
  onClose: () => void;
}

/** WeChat answers a refused album permission with "auth deny", "auth denied" or "authorize" in errMsg. */
const refusedPermission = (error: unknown) => /auth/i.test(String((error as { errMsg?: string })?.errMsg ?? ''));
const cancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''));

async function saveToAlbum(file: string): Promise<void> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: file });
    if (process.env.TARO_ENV !== 'h5') void Taro.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (error) {
    if (cancelled(error)) return;
    if (!refusedPermission(error)) {
      void Taro.showToast({ title: '保存失败，请重试', icon: 'none' });
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '无法保存到相册',
      content: '需要你允许「保存到相册」才能保存海报，可在设置中打开后再试',
      confirmText: '去设置',
    });
    if (confirm) void Taro.openSetting();
  }
}

/**
 * The product's share poster: drawn on an off-screen Canvas 2D (photo, name, member price, store,
 * QR code of the share link), then shown as a picture to save to the album (weapp) or to
 * download or long-press (H5).
 */
export function SharePoster({ visible, content, photoUrl, onClose }: SharePosterProps) {
  const [file, setFile] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const { title, priceFen, priceLabel, storeName, link } = content;

  useEffect(() => {
    if (!visible) return undefined;
    let stale = false;
    setFile(null);
    setFailed(false);
    const draw = async () => {
      const canvas = await findPosterCanvas(CANVAS_ID);
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) throw new Error('the poster canvas is not on the page');
      canvas.width = POSTER_WIDTH * SCALE;
      canvas.height = POSTER_HEIGHT * SCALE;
      ctx.scale(SCALE, SCALE);
      const photo = await loadPosterPhoto(canvas, photoUrl);
      drawPoster(ctx, { title, priceFen, priceLabel, storeName, link }, photo);
      return posterFile(canvas);
    };
    // The canvas mounts with the sheet: look for it once the page has rendered it.
    Taro.nextTick(() => {
      draw().then(
        (drawn) => !stale && setFile(drawn),
        () => !stale && setFailed(true),
      );
    });
    return () => {
      stale = true;
    };
  }, [visible, photoUrl, title, priceFen, priceLabel, storeName, link]);

  if (!visible) return null;
  return (
    <View className="share-poster">
      <View className="share-poster__mask" onClick={onClose} />
      <View className="share-poster__panel">
        <Canvas type="2d" id={CANVAS_ID} className="share-poster__canvas" />
        {file ? (
          <Image className="share-poster__image poster-image" src={file} mode="aspectFit" showMenuByLongpress />
        ) : (
          <Text className="share-poster__status poster-status">{failed ? '海报生成失败，请关闭后重试' : '正在生成海报…'}</Text>
        )}
        {file && process.env.TARO_ENV === 'h5' ? <Text className="share-poster__hint">长按图片可保存，或点击下载</Text> : null}
        <View className="share-poster__actions">
          <Button className="share-poster__close poster-close" onClick={onClose}>
            关闭
          </Button>
          <Button className="share-poster__save poster-save" disabled={!file} onClick={() => file && void saveToAlbum(file)}>
            {process.env.TARO_ENV === 'h5' ? '下载海报' : '保存到相册'}
          </Button>
        </View>
      </View>
    </View>
  );
}
