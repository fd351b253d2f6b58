import { CodedError } from '~/core/coded-error';
import { sdk } from '../db/cloud';

/** Whether a stored picture or file reference is a cloud file id (`cloud://env.bucket/path`). */
export const isCloudFileId = (value: string): boolean => value.startsWith('cloud://');

/** The most file ids the platform takes in one getTempFileURL or deleteFile call. */
const BATCH = 50;

/** How long temporary URLs asked for without a maxAge live: two hours, a working session's length. */
export const TEMP_URL_MAX_AGE_S = 2 * 60 * 60;

/** A cached URL is handed out only while this much of its life is left, so a page shown now can still load it. */
const FRESH_MARGIN_MS = 15 * 60_000;

/** Cached temporary URLs per instance; the oldest go first past this many. */
const CACHE_LIMIT = 2_000;

const cache = new Map<string, { url: string; until: number }>();

/** A path inside storage: folders and a name, no climbing, no leading slash (the platform refuses those). */
const SAFE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

function describe(error: unknown): string {
  const failure = error as { errMsg?: unknown; message?: unknown } | null;
  return String(failure?.errMsg ?? failure?.message ?? error);
}

/** Stores `content` at `cloudPath` in the environment's cloud storage (replacing a file there) and answers its file id. */
export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  if (!SAFE_PATH.test(cloudPath) || cloudPath.includes('..') || cloudPath.length > 300) {
    throw new CodedError('VALIDATION_FAILED', `cloud path ${cloudPath} is not a plain folder/name path`);
  }
  try {
    const res = (await sdk().uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
    return res.fileID;
  } catch (error) {
    throw new CodedError('INTERNAL', `upload to cloud storage failed: ${describe(error)}`);
  }
}

/**
 * Temporary URLs for cloud file ids (other strings are left out), from one getTempFileURL call
 * per 50 ids that are not cached. A URL is reused until `FRESH_MARGIN_MS` before it expires.
 * A file that no longer exists gets no entry.
 */
export async function tempFileUrls(fileIds: readonly string[], now: number = Date.now()): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set(fileIds)) {
    if (!isCloudFileId(id)) continue;
    const hit = cache.get(id);
    if (hit && hit.until - FRESH_MARGIN_MS > now) urls.set(id, hit.url);
    else missing.push(id);
  }
  for (let start = 0; start < missing.length; start += BATCH) {
    const fileList = missing.slice(start, start + BATCH).map((fileID) => ({ fileID, maxAge: TEMP_URL_MAX_AGE_S }));
    let answer: { fileList: { fileID: string; status: number; tempFileURL: string }[] };
    try {
      answer = await sdk().getTempFileURL({ fileList });
    } catch (error) {
      throw new CodedError('INTERNAL', `temporary URLs from cloud storage failed: ${describe(error)}`);
    }
    for (const entry of answer.fileList) {
      if (entry.status !== 0 || !entry.tempFileURL) continue;
      urls.set(entry.fileID, entry.tempFileURL);
      cache.delete(entry.fileID);
      cache.set(entry.fileID, { url: entry.tempFileURL, until: now + TEMP_URL_MAX_AGE_S * 1000 });
    }
  }
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return urls;
}

/** The temporary URL of one cloud file id; other strings (plain URLs) are answered as they are. */
export async function displayUrlOf(reference: string, now?: number): Promise<string> {
  if (!isCloudFileId(reference)) return reference;
  return (await tempFileUrls([reference], now)).get(reference) ?? '';
}

/** Deletes cloud files; answers the ids that were deleted (a file already gone is not an error). */
export async function deleteFiles(fileIds: readonly string[]): Promise<string[]> {
  const deleted: string[] = [];
  const ids = [...new Set(fileIds)].filter(isCloudFileId);
  for (let start = 0; start < ids.length; start += BATCH) {
    let answer: { fileList: { fileID: string; status: number }[] };
    try {
      answer = await sdk().deleteFile({ fileList: ids.slice(start, start + BATCH) });
    } catch (error) {
      throw new CodedError('INTERNAL', `deleting from cloud storage failed: ${describe(error)}`);
    }
    for (const entry of answer.fileList) {
      cache.delete(entry.fileID);
      if (entry.status === 0) deleted.push(entry.fileID);
    }
  }
  return deleted;
}

/** Forgets cached temporary URLs; for tests. */
export function forgetTempUrls(): void {
  cache.clear();
}
