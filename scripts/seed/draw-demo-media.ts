import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Artwork, Motif } from './demo-products';
import { DEMO_MEDIA_DIR, demoArtwork } from './demo-products';

const FONT = `'PingFang SC','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif`;

/** Each drawing fits a 200 × 200 box centred on the origin: white shapes, details in the accent colour. */
const MOTIFS: Record<Motif, (accent: string) => string> = {
  beans: (a) =>
    [-50, 0, 50]
      .map((x, i) => {
        const y = i === 1 ? -20 : 20;
        const r = i === 1 ? 0 : i === 0 ? -25 : 25;
        return `<g transform="translate(${x} ${y}) rotate(${r})"><ellipse rx="32" ry="46" fill="#fff"/><path d="M0-40C-14-14 14 14 0 40" stroke="${a}" stroke-width="6" fill="none" stroke-linecap="round"/></g>`;
      })
      .join(''),
  drip: (a) =>
    `<path d="M-70-10h120v40a60 60 0 0 1-60 60h0a60 60 0 0 1-60-60z" fill="#fff"/><path d="M50 0h10a26 26 0 0 1 0 52h-12" stroke="#fff" stroke-width="12" fill="none"/>` +
    `<path d="M-45-70h70l-12 50h-46z" fill="#fff" opacity=".75"/><path d="M-30-90c-10 10 10 14 0 24M0-90c-10 10 10 14 0 24" stroke="#fff" stroke-width="5" fill="none" stroke-linecap="round"/>` +
    `<rect x="-70" y="96" width="140" height="8" rx="4" fill="#fff" opacity=".6"/><circle cx="-10" cy="30" r="14" fill="${a}" opacity=".5"/>`,
  teapot: (a) =>
    `<ellipse cx="0" cy="20" rx="70" ry="55" fill="#fff"/><path d="M62 0l40-30-4 14-30 40z" fill="#fff"/><path d="M-66 0c-40-6-40 52 0 46" stroke="#fff" stroke-width="12" fill="none"/>` +
    `<rect x="-34" y="-46" width="68" height="16" rx="8" fill="#fff"/><circle cx="0" cy="-54" r="9" fill="#fff"/><path d="M-50 20h100" stroke="${a}" stroke-width="5" opacity=".6"/>`,
  bottle: (a) =>
    `<rect x="-22" y="-96" width="44" height="24" rx="6" fill="#fff" opacity=".8"/><path d="M-22-72h44l18 30v128a12 12 0 0 1-12 12h-56a12 12 0 0 1-12-12v-128z" fill="#fff"/>` +
    `<rect x="-40" y="-6" width="80" height="56" fill="${a}" opacity=".8"/><path d="M-20 22h40" stroke="#fff" stroke-width="6" stroke-linecap="round"/>`,
  leaf: (a) =>
    `<path d="M0 90C-80 40-70-60 0-90 70-60 80 40 0 90z" fill="#fff"/><path d="M0 80V-70M0 0l-36-30M0 30l36-30" stroke="${a}" stroke-width="6" fill="none" stroke-linecap="round"/>` +
    `<g fill="#fff" opacity=".85"><circle cx="-78" cy="-50" r="12"/><circle cx="80" cy="-30" r="10"/><circle cx="70" cy="60" r="8"/></g>`,
  nuts: (a) =>
    `<ellipse cx="-40" cy="-20" rx="34" ry="44" transform="rotate(-30 -40 -20)" fill="#fff"/><ellipse cx="40" cy="-26" rx="30" ry="40" transform="rotate(25 40 -26)" fill="#fff" opacity=".85"/>` +
    `<circle cx="0" cy="46" r="40" fill="#fff"/><path d="M-22 46c8-18 36-18 44 0M-22 58c8-14 36-14 44 0" stroke="${a}" stroke-width="5" fill="none"/>` +
    `<path d="M-58-42l36 44M58-46l-32 40" stroke="${a}" stroke-width="4" opacity=".5"/>`,
  rolls: (a) =>
    [-55, 0, 55]
      .map(
        (y) =>
          `<rect x="-80" y="${y - 22}" width="160" height="44" rx="22" fill="#fff"/><circle cx="58" cy="${y}" r="16" fill="none" stroke="${a}" stroke-width="5"/><circle cx="58" cy="${y}" r="6" fill="${a}"/>`,
      )
      .join(''),
  mooncake: (a) =>
    Array.from({ length: 12 }, (_, i) => {
      const t = (i * Math.PI) / 6;
      return `<circle cx="${Math.round(Math.cos(t) * 78)}" cy="${Math.round(Math.sin(t) * 78)}" r="22" fill="#fff"/>`;
    }).join('') +
    `<circle r="80" fill="#fff"/><circle r="52" fill="none" stroke="${a}" stroke-width="5"/><path d="M-24 0h48M0-24v48" stroke="${a}" stroke-width="6" stroke-linecap="round"/>`,
  mango: (a) =>
    `<path d="M-70 10C-80-60 10-90 60-50 100-10 80 80 10 86-40 90-64 50-70 10z" fill="#fff"/><path d="M40-60c10-30 40-40 60-36-10 24-34 40-60 36z" fill="#fff" opacity=".8"/>` +
    `<path d="M-40 20c10 30 40 44 70 36" stroke="${a}" stroke-width="5" fill="none" opacity=".5" stroke-linecap="round"/>`,
  chocolate: (a) =>
    `<rect x="-70" y="-90" width="140" height="180" rx="10" fill="#fff"/>` +
    [0, 1, 2, 3]
      .flatMap((row) =>
        [0, 1].map((col) => `<rect x="${-58 + col * 62}" y="${-78 + row * 42}" width="54" height="34" rx="5" fill="${a}" opacity=".55"/>`),
      )
      .join(''),
  tube: (a) =>
    `<path d="M-50-90h100l-20 150h-60z" fill="#fff"/><rect x="-34" y="60" width="68" height="34" rx="6" fill="#fff" opacity=".8"/>` +
    `<rect x="-50" y="-90" width="100" height="14" fill="${a}" opacity=".4"/><circle cx="0" cy="-10" r="20" fill="${a}" opacity=".6"/>`,
  dropper: (a) =>
    `<rect x="-12" y="-96" width="24" height="36" rx="12" fill="#fff" opacity=".85"/><rect x="-26" y="-64" width="52" height="24" rx="4" fill="#fff"/>` +
    `<rect x="-56" y="-40" width="112" height="132" rx="24" fill="#fff"/><path d="M0 0c-16 22-16 36 0 40 16-4 16-18 0-40z" fill="${a}"/>`,
  lipstick: (a) =>
    `<rect x="-36" y="10" width="72" height="84" rx="6" fill="#fff"/><rect x="-28" y="-30" width="56" height="40" fill="#fff" opacity=".8"/>` +
    `<path d="M-22-30v-44l44-24v68z" fill="${a}"/><rect x="-36" y="30" width="72" height="8" fill="${a}" opacity=".4"/>`,
  pump: (a) =>
    `<path d="M-10-70v-20h50v12h-32v8z" fill="#fff"/><rect x="-18" y="-70" width="36" height="26" fill="#fff" opacity=".85"/>` +
    `<rect x="-54" y="-44" width="108" height="138" rx="18" fill="#fff"/><path d="M-30 10h60M-30 30h40" stroke="${a}" stroke-width="7" stroke-linecap="round" opacity=".7"/>`,
  candle: (a) =>
    `<path d="M0-96c-18 24-18 44 0 50 18-6 18-26 0-50z" fill="#fff"/><rect x="-3" y="-48" width="6" height="18" fill="#fff"/>` +
    `<rect x="-62" y="-30" width="124" height="124" rx="14" fill="#fff"/><rect x="-62" y="10" width="124" height="40" fill="${a}" opacity=".5"/>`,
  mug: (a) =>
    `<rect x="-70" y="-60" width="120" height="140" rx="16" fill="#fff"/><path d="M50-30h14a32 32 0 0 1 0 64h-14" stroke="#fff" stroke-width="14" fill="none"/>` +
    `<path d="M-70-20h120" stroke="${a}" stroke-width="8" opacity=".45"/><path d="M-30-90c-10 10 10 14 0 24M10-90c-10 10 10 14 0 24" stroke="#fff" stroke-width="5" fill="none" stroke-linecap="round"/>`,
  bed: (a) =>
    `<rect x="-90" y="-10" width="180" height="90" rx="14" fill="#fff"/><rect x="-78" y="-56" width="70" height="44" rx="18" fill="#fff" opacity=".85"/>` +
    `<rect x="8" y="-56" width="70" height="44" rx="18" fill="#fff" opacity=".85"/><path d="M-90 24h180M-90 48h180" stroke="${a}" stroke-width="6" opacity=".45"/>`,
  boxes: (a) =>
    `<rect x="-86" y="10" width="90" height="80" rx="8" fill="#fff"/><rect x="10" y="10" width="76" height="80" rx="8" fill="#fff" opacity=".85"/>` +
    `<rect x="-50" y="-80" width="100" height="82" rx="8" fill="#fff"/><path d="M-50-50h100M-86 34h90M10 34h76" stroke="${a}" stroke-width="6" opacity=".5"/>`,
  earbuds: (a) =>
    `<rect x="-60" y="20" width="120" height="74" rx="34" fill="#fff" opacity=".85"/><path d="M-60 48h120" stroke="${a}" stroke-width="4" opacity=".5"/>` +
    `<g fill="#fff"><circle cx="-38" cy="-40" r="30"/><rect x="-48" y="-30" width="20" height="60" rx="10"/><circle cx="38" cy="-40" r="30"/><rect x="28" y="-30" width="20" height="60" rx="10"/></g>` +
    `<circle cx="-38" cy="-40" r="12" fill="${a}" opacity=".6"/><circle cx="38" cy="-40" r="12" fill="${a}" opacity=".6"/>`,
  battery: (a) =>
    `<rect x="-56" y="-90" width="112" height="180" rx="20" fill="#fff"/><path d="M10-50l-40 60h30l-10 44 40-64h-30z" fill="${a}"/>` +
    `<rect x="-30" y="66" width="60" height="8" rx="4" fill="${a}" opacity=".4"/>`,
  cable: (a) =>
    `<path d="M-70-70c120 0 120 70 0 70s-120 70 0 70" stroke="#fff" stroke-width="14" fill="none" stroke-linecap="round"/>` +
    `<rect x="-86" y="-90" width="40" height="40" rx="8" fill="#fff"/><rect x="-86" y="50" width="40" height="40" rx="8" fill="#fff"/>` +
    `<rect x="-76" y="-78" width="20" height="8" rx="4" fill="${a}"/><rect x="-76" y="66" width="20" height="8" rx="4" fill="${a}"/>`,
  stand: (a) =>
    `<rect x="-70" y="70" width="140" height="20" rx="10" fill="#fff"/><path d="M-6 70l26-70" stroke="#fff" stroke-width="12" stroke-linecap="round"/>` +
    `<g transform="rotate(-14)"><rect x="-38" y="-96" width="76" height="140" rx="12" fill="#fff"/><rect x="-30" y="-84" width="60" height="112" rx="6" fill="${a}" opacity=".55"/></g>`,
  tee: (a) =>
    `<path d="M-36-86c10 18 62 18 72 0l58 30-22 46-26-12v110h-92V-22l-26 12-22-46z" fill="#fff"/>` +
    `<path d="M-36-86c10 18 62 18 72 0" stroke="${a}" stroke-width="6" fill="none" opacity=".6"/>`,
  tote: (a) =>
    `<path d="M-40-40v-20a40 40 0 0 1 80 0v20" stroke="#fff" stroke-width="10" fill="none"/><path d="M-80-40h160l-10 130h-140z" fill="#fff"/>` +
    `<circle cx="0" cy="24" r="24" fill="${a}" opacity=".5"/>`,
  scarf: (a) =>
    `<path d="M-60-80h60c20 40 20 100 0 150h-40c20-50 20-110-20-150z" fill="#fff"/><path d="M0-80h50c10 30 0 60-30 70z" fill="#fff" opacity=".85"/>` +
    `<path d="M-48-40h48M-36 0h44M-34 40h40" stroke="${a}" stroke-width="7" opacity=".5"/><path d="M-38 72v18M-28 72v18M-18 72v18M-8 72v18" stroke="#fff" stroke-width="4"/>`,
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const gradient = (art: Artwork) =>
  `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${art.from}"/><stop offset="1" stop-color="${art.to}"/></linearGradient></defs>`;

const svg = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>\n`;

/** One demo picture as SVG text: a product square with its caption, a category icon, or a home banner. */
export function drawArtwork(item: { kind: 'product' | 'category' | 'banner'; art: Artwork; title: string; subtitle: string }): string {
  const { art } = item;
  const motif = MOTIFS[art.motif](art.to);
  if (item.kind === 'category') {
    return svg(
      120,
      120,
      `${gradient(art)}<rect width="120" height="120" rx="28" fill="url(#g)"/><g transform="translate(60 60) scale(.4)">${motif}</g>`,
    );
  }
  if (item.kind === 'banner') {
    return svg(
      750,
      300,
      `${gradient(art)}<rect width="750" height="300" fill="url(#g)"/><circle cx="640" cy="40" r="150" fill="#fff" opacity=".12"/><circle cx="420" cy="300" r="90" fill="#fff" opacity=".08"/>` +
        `<g transform="translate(630 155) scale(.9)">${motif}</g>` +
        `<text x="48" y="138" font-family="${FONT}" font-size="48" font-weight="700" fill="#fff">${escapeXml(item.title)}</text>` +
        `<text x="50" y="192" font-family="${FONT}" font-size="26" fill="#fff" opacity=".9">${escapeXml(item.subtitle)}</text>`,
    );
  }
  return svg(
    400,
    400,
    `${gradient(art)}<rect width="400" height="400" fill="url(#g)"/><circle cx="340" cy="60" r="100" fill="#fff" opacity=".12"/><circle cx="50" cy="370" r="80" fill="#fff" opacity=".1"/>` +
      `<g transform="translate(200 165) scale(1.15)">${motif}</g>` +
      `<text x="200" y="340" text-anchor="middle" font-family="${FONT}" font-size="40" font-weight="700" fill="#fff">${escapeXml(item.title)}</text>`,
  );
}

/** Writes every demo picture under scripts/seed/media/; run after changing the demo catalogue's looks. */
function main(): void {
  let bytes = 0;
  const items = demoArtwork();
  for (const item of items) {
    const file = join(DEMO_MEDIA_DIR, item.file);
    const text = drawArtwork(item);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  console.log(`drew ${items.length} pictures, ${(bytes / 1024).toFixed(1)} KB in all, under ${DEMO_MEDIA_DIR}`);
}

if (require.main === module) main();
