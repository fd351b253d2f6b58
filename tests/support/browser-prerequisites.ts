import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Debian's Chromium, installed by .ci/run (apt-get install chromium); CHROMIUM_PATH points at another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether Chromium is installed where the browser suites look for it. */
export function hasChromium(): boolean {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether fontconfig lists the Noto Sans CJK fonts, without which the pages' Chinese text renders as boxes. */
export function hasCjkFonts(): boolean {
  const listed = spawnSync('fc-list', { encoding: 'utf8', timeout: 20_000 });
  return listed.status === 0 && /noto sans cjk/i.test(listed.stdout);
}

/** One line naming what the browser suites lack and the packages that provide it; null when nothing is missing. */
export function missingBrowserPrerequisites(needs: { fonts: boolean } = { fonts: true }): string | null {
  const chromium = hasChromium();
  const fonts = !needs.fonts || hasCjkFonts();
  if (chromium && fonts) return null;
  const lacking = [chromium ? null : `Chromium (no executable at ${CHROMIUM})`, fonts ? null : 'the Noto Sans CJK fonts'].filter(Boolean);
  const packages = [chromium ? null : 'chromium', fonts ? null : 'fonts-noto-cjk'].filter(Boolean);
  const elsewhere = !chromium && process.env.CHROMIUM_PATH ? ', or point CHROMIUM_PATH at an installed Chromium' : '';
  return `The browser suites need ${lacking.join(' and ')}: install with \`apt-get install ${packages.join(' ')}\`${elsewhere}.`;
}
