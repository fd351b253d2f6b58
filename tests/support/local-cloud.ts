import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalCloud, LocalCloudOptions } from '../../local-cloud/local-cloud';
import { startLocalCloud } from '../../local-cloud/local-cloud';

export const ROOT = resolve(__dirname, '../..');

/** Starts a local cloud on a fresh temporary database; `stop()` also removes the data. */
export async function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-cloud-'));
  const cloud = await startLocalCloud({ root: ROOT, dataDir, timers: false, log: () => undefined, ...options });
  const stop = cloud.stop.bind(cloud);
  cloud.stop = async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return cloud;
}
