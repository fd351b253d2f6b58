import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sidecar file the build writes next to each bundle: its inputs and their digest. */
export const STAMP_FILE = '.bundle-stamp.json';

export interface BundleStamp {
  /** Repository-relative paths of every source file the bundle was built from. */
  inputs: string[];
  digest: string;
}

/** Digest of the current contents of a list of inputs; a missing input changes the digest. */
export function inputsDigest(root: string, inputs: string[]): string {
  const hash = createHash('sha256');
  for (const input of [...inputs].sort()) {
    hash.update(input).update('\0');
    const file = join(root, input);
    hash.update(existsSync(file) ? readFileSync(file) : 'missing').update('\0');
  }
  return hash.digest('hex');
}

/** The first line of every bundle, naming the digest of the sources it was built from. */
export const bannerFor = (digest: string) => `/* bundle-inputs: ${digest} */`;

/** Why a function's bundle cannot run as it is, or null when it is current. */
export function bundleProblem(root: string, functionDir: string): string | null {
  const bundle = join(functionDir, 'index.js');
  const stampFile = join(functionDir, STAMP_FILE);
  if (!existsSync(bundle) || !existsSync(stampFile)) return 'not built';
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BundleStamp;
  if (!readFileSync(bundle, 'utf8').startsWith(bannerFor(stamp.digest))) return 'built from another stamp';
  if (inputsDigest(root, stamp.inputs) !== stamp.digest) return 'older than its sources';
  return null;
}
