import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import type { DevSessions } from '../dev/sessions';
import { json } from './http';
import type { Route } from './router';
import { route } from './router';
import { sessionOpenid } from './session-routes';
import { serveFile } from './static';

/** The largest file a visitor may upload: a phone photo after the client's compression is far smaller. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** Paths as the mini-program's `cloud.uploadFile` names them: folders and a picture's name, nothing that climbs out. */
const CLOUD_PATH = /^(?!.*\.\.)[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*\.(png|jpe?g|webp)$/;

/** A cloud file id for a stored path, in the platform's shape `cloud://<env>.<bucket>/<path>`. */
export const fileIdOf = (envId: string, path: string) => `cloud://${envId}.local-storage/${path}`;

/** The body, or null once it passes `limit` bytes (the rest is drained and dropped). */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

/**
 * Cloud storage for the browser build, on local files: `POST /storage/upload?path=…` stands in
 * for the mini-program's `wx.cloud.uploadFile` (a signed-in visitor only; the answer is the
 * file id), and `GET /storage/file/<path>` for the temporary URL a file id is shown through.
 */
export function storageRoutes(input: { dir: string; envId: string; sessions: DevSessions }): Route[] {
  return [
    route('POST', '/storage/upload', async (req, res) => {
      if (!sessionOpenid(input.sessions, req))
        return json(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in before uploading' } });
      const path = new URL(req.url ?? '/', 'http://local').searchParams.get('path') ?? '';
      if (!CLOUD_PATH.test(path) || path.length > 200)
        return json(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'path must name a .png, .jpg or .webp file' } });
      const body = await readCapped(req, MAX_UPLOAD_BYTES);
      if (body === null)
        return json(res, 413, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'the file is larger than 2 MB' } });
      if (body.length === 0) return json(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'the file is empty' } });
      const file = join(input.dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
      return json(res, 200, { fileID: fileIdOf(input.envId, path) });
    }),
    route('GET', '/storage/file/*', (_req, res, { rest }) => {
      if (!serveFile(input.dir, rest, res)) json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no such file' } });
    }),
  ];
}
