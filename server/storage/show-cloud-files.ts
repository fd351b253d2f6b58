import type { FunctionName } from '~/types/functions';
import type { Routes } from '../runtime/wx';
import { isCloudFileId, tempFileUrls } from './cloud-files';

function collect(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    if (isCloudFileId(value)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, into);
  }
}

function replace(value: unknown, urls: Map<string, string>): unknown {
  if (typeof value === 'string') return isCloudFileId(value) ? (urls.get(value) ?? '') : value;
  if (Array.isArray(value)) return value.map((item) => replace(item, urls));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item, urls)]));
  }
  return value;
}

/**
 * `data` with every cloud file id in it (at any depth) replaced by a temporary URL, from one
 * batch of getTempFileURL calls (cached per instance); a file that is gone becomes ''. Shoppers'
 * pages get addresses that the mini-program's images, share cards and posters and the browser
 * build all load alike.
 */
export async function withTempUrls<T>(data: T): Promise<T> {
  const ids: string[] = [];
  collect(data, ids);
  if (ids.length === 0) return data;
  return replace(data, await tempFileUrls(ids)) as T;
}

/** A function's routes whose answers show cloud files through temporary URLs (for read-only shopper views: never for routes whose answers are edited and saved back). */
export function showingCloudFiles<F extends FunctionName>(routes: Routes<F>): Routes<F> {
  const handlers = routes as Record<string, (input: unknown, ctx: unknown) => Promise<unknown>>;
  return Object.fromEntries(
    Object.entries(handlers).map(([action, handle]) => [
      action,
      async (input: unknown, ctx: unknown) => withTempUrls(await handle(input, ctx)),
    ]),
  ) as Routes<F>;
}
