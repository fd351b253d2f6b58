import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.webp': 'image/webp',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves a built front end from `dir`; unknown paths fall back to its index.html so client-side
 * routes load. Answers false when the folder has not been built.
 */
export function serveStatic(dir: string, relative: string, res: ServerResponse): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const wanted = normalize(join(dir, decodeURIComponent(relative)));
  const inside = wanted === dir || wanted.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : index;
  const hashed = /\.[0-9a-f]{8,}\./.test(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
  return true;
}

/**
 * Serves one file from `dir` (demo media), with no index fallback: answers false when the path
 * leaves the folder or names no file, so the caller can answer 404.
 */
export function serveFile(dir: string, relative: string, res: ServerResponse): boolean {
  let wanted: string;
  try {
    wanted = normalize(join(dir, decodeURIComponent(relative)));
  } catch {
    return false;
  }
  if (!wanted.startsWith(dir.endsWith(sep) ? dir : dir + sep) || !existsSync(wanted) || !statSync(wanted).isFile()) return false;
  res.writeHead(200, { 'content-type': TYPES[extname(wanted)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' });
  createReadStream(wanted).pipe(res);
  return true;
}
