import { formatYuan } from '~/core/money/format';
import type { Fen } from '~/types/units';
import { qrRows } from '~/src/components/qr-code/qr-matrix';

/** The few Canvas 2D calls the poster uses: the weapp's `type="2d"` canvas and the browser's both have them. */
export interface PosterContext {
  fillStyle: string;
  font: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: unknown, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
}

export interface PosterContent {
  title: string;
  /** The member's price for the product (from, when SKUs differ). */
  priceFen: Fen;
  priceLabel: string;
  storeName: string;
  /** What the QR code opens: the product's share link with the sharer code. */
  link: string;
}

/** A loaded picture with its natural size. */
export interface PosterPhoto {
  image: unknown;
  width: number;
  height: number;
}

/** The poster's size in canvas units (scaled by the pixel ratio when drawn). */
export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 920;
const PAD = 40;
const FONT = `'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif`;

/** The lines `text` takes within `width`, at most `max`, the last one cut with an ellipsis. */
export function wrapText(ctx: Pick<PosterContext, 'measureText'>, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of Array.from(text)) {
    if (ctx.measureText(line + char).width > width && line) {
      lines.push(line);
      line = char;
    } else line += char;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1] as string;
  while (last && ctx.measureText(`${last}…`).width > width) last = Array.from(last).slice(0, -1).join('');
  kept[max - 1] = `${last}…`;
  return kept;
}

/** Draws the QR code of `text` as dark runs on white, `size` square at (x, y). */
function drawQr(ctx: PosterContext, text: string, x: number, y: number, size: number): void {
  const { size: modules, rows } = qrRows(text);
  const cell = size / modules;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x - 8, y - 8, size + 16, size + 16);
  ctx.fillStyle = '#000000';
  rows.forEach((row, r) => {
    let c = 0;
    for (const run of row.runs) {
      if (run.dark) ctx.fillRect(x + c * cell, y + r * cell, run.length * cell, cell);
      c += run.length;
    }
  });
}

/** Draws the product poster: the photo (cropped square), the name, the member price, the store and a QR code of the link. */
export function drawPoster(ctx: PosterContext, content: PosterContent, photo: PosterPhoto | null): void {
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#f6f1ea';
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  const side = POSTER_WIDTH;
  if (photo && photo.width > 0 && photo.height > 0) {
    const crop = Math.min(photo.width, photo.height);
    ctx.drawImage(photo.image, (photo.width - crop) / 2, (photo.height - crop) / 2, crop, crop, 0, 0, side, side);
  } else {
    ctx.fillStyle = '#ece4da';
    ctx.fillRect(0, 0, side, side);
  }

  const textWidth = POSTER_WIDTH - PAD * 2 - 180;
  ctx.font = `bold 32px ${FONT}`;
  ctx.fillStyle = '#2b211b';
  wrapText(ctx, content.title, textWidth, 2).forEach((line, i) => ctx.fillText(line, PAD, side + 32 + i * 44));

  ctx.font = `24px ${FONT}`;
  ctx.fillStyle = '#9a8b7e';
  ctx.fillText(content.priceLabel, PAD, side + 132);
  ctx.font = `bold 44px ${FONT}`;
  ctx.fillStyle = '#c0392b';
  ctx.fillText(formatYuan(content.priceFen), PAD, side + 166);

  ctx.font = `24px ${FONT}`;
  ctx.fillStyle = '#5b4c41';
  ctx.fillText(content.storeName, PAD, POSTER_HEIGHT - 60);

  const qrSize = 150;
  const qrX = POSTER_WIDTH - PAD - qrSize;
  const qrY = side + 40;
  drawQr(ctx, content.link, qrX, qrY, qrSize);
  ctx.font = `20px ${FONT}`;
  ctx.fillStyle = '#9a8b7e';
  ctx.fillText('长按识别 查看商品', qrX, qrY + qrSize + 20);
}
