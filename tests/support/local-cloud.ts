import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalCloud, LocalCloudOptions } from '../../local-cloud/local-cloud';
import { startLocalCloud } from '../../local-cloud/local-cloud';

export const ROOT = resolve(__dirname, '../..');

/** The demo catalogue's pictures, served by every test cloud at /media/ as `npm start` serves them. */
export const MEDIA_DIR = join(ROOT, 'scripts', 'seed', 'media');

/** The member function's code-signing secret in test clouds (production reads it from the function's environment). */
export const TEST_MEMBER_CODE_SECRET = 'test-member-code-secret-0123456789abcdef';

/** The sub-merchant the simulated WeChat Pay is called with in test clouds. */
export const TEST_SUB_MCH_ID = '1900000109';

/** Starts a local cloud on a fresh temporary database; `stop()` also removes the data. */
export async function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lm-cloud-'));
  const payment = { LM_SUB_MCH_ID: TEST_SUB_MCH_ID };
  const functionEnv = {
    orders: payment,
    'pay-callback': payment,
    'job-cancel-unpaid': payment,
    'job-retry-refunds': payment,
    ...options.functionEnv,
    admin: { ...payment, ...options.functionEnv?.admin },
    member: { LM_MEMBER_CODE_SECRET: TEST_MEMBER_CODE_SECRET, ...options.functionEnv?.member },
    staff: { LM_MEMBER_CODE_SECRET: TEST_MEMBER_CODE_SECRET, ...options.functionEnv?.staff },
  };
  const cloud = await startLocalCloud({
    root: ROOT,
    dataDir,
    timers: false,
    log: () => undefined,
    mediaDir: MEDIA_DIR,
    ...options,
    functionEnv,
  });
  const stop = cloud.stop.bind(cloud);
  cloud.stop = async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return cloud;
}
