import Taro from '@tarojs/taro';
import type { PosterContext, PosterPhoto } from './poster-drawing';

interface LoadingImage {
  width: number;
  height: number;
  naturalWidth?: number;
  naturalHeight?: number;
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

/** A `type="2d"` canvas: the weapp's canvas node or, in H5, the `<canvas>` element. */
export interface PosterCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): (PosterContext & { scale(x: number, y: number): void }) | null;
  /** The weapp's way to make an image for the canvas. */
  createImage?: () => LoadingImage;
  /** H5 only. */
  toDataURL?: (type?: string) => string;
}

/** The `type="2d"` canvas `#id` of the page on screen, or null when it is not there. */
export function findPosterCanvas(id: string): Promise<PosterCanvas | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: unknown[] | null) => resolve((res?.[0] as { node?: PosterCanvas } | null)?.node ?? null));
  });
}

/** Loads a picture for the canvas; null when there is none or it does not load (the poster is drawn without it). */
export function loadPosterPhoto(canvas: PosterCanvas, src: string): Promise<PosterPhoto | null> {
  return new Promise((resolve) => {
    if (!src) return resolve(null);
    const image: LoadingImage | undefined =
      process.env.TARO_ENV === 'h5' ? (document.createElement('img') as unknown as LoadingImage) : canvas.createImage?.();
    if (!image) return resolve(null);
    image.onload = () => resolve({ image, width: image.naturalWidth || image.width, height: image.naturalHeight || image.height });
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

/** The drawn poster as a file to show and save: a temporary file in the weapp, a data URL in H5. */
export async function posterFile(canvas: PosterCanvas): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return (canvas.toDataURL as (type?: string) => string)('image/png');
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as unknown as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}
