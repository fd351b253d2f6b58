import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Draws the fixed share-card pictures of the home page, the coupon centre and the points mall
 * into src/assets/share/ (5:4, as WeChat shows a shared card), with the local Chromium.
 * Run `npx tsx scripts/draw-share-images.ts` after changing a design; the PNGs are committed.
 */
const OUT_DIR = resolve(__dirname, '..', 'src', 'assets', 'share');
const FONT = `'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif`;

const CARDS = [
  { file: 'home.png', mark: '悦', title: '悦享商城', text: '会员专享价 · 消费得积分', from: '#2b211b' },
  { file: 'coupons.png', mark: '券', title: '领券中心', text: '好券限量领取，下单立减', from: '#b98a45' },
  { file: 'mall.png', mark: '兑', title: '积分商城', text: '积分兑好礼', from: '#3f56b0' },
];

function page(card: (typeof CARDS)[number]): string {
  return `<!doctype html><html><body style="margin:0">
<div style="width:500px;height:400px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:18px;
  background:${card.from};font-family:${FONT};color:#f3e3c2">
  <div style="width:120px;height:120px;border-radius:60px;background:#f3e3c2;color:${card.from};display:flex;align-items:center;
    justify-content:center;font-size:64px;font-weight:700">${card.mark}</div>
  <div style="font-size:48px;font-weight:700;letter-spacing:6px">${card.title}</div>
  <div style="font-size:26px;opacity:.85">${card.text}</div>
</div></body></html>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 500, height: 400 }, deviceScaleFactor: 1 });
    for (const card of CARDS) {
      await tab.setContent(page(card));
      await tab.screenshot({ path: join(OUT_DIR, card.file), clip: { x: 0, y: 0, width: 500, height: 400 } });
    }
  } finally {
    await browser.close();
  }
}

void main();
