import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevSessions } from '../dev/sessions';
import type { CloudStorage } from '../storage/cloud-storage';
import { json } from './http';
import type { Route } from './router';
import { route } from './router';
import { sessionOpenid } from './session-routes';
import { serveFile } from './static';

/** The largest file a visitor may upload: a phone photo after the client's compression is far smaller. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** The largest file a function may upload in one `cloud.uploadFile` (exports of many rows included). */
export const MAX_FUNCTION_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Paths as the mini-program's `cloud.uploadFile` names them: folders and a picture's name, nothing that climbs out. */
const CLOUD_PATH = /^(?!.*\.\.)[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*\.(png|jpe?g|webp)$/;

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

/** The decoded cloud path of a URL's rest, or null when it is not valid percent-encoding. */
function decodePath(rest: string): string | null {
  try {
    return rest.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

/** COS answers a refused upload with an XML error; the SDK reads Code, Message, RequestId and TraceId from it. */
function cosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${escape(message)}</Message>\n` +
    `<Resource>${escape(resource)}</Resource>\n<RequestId>local-${Date.now().toString(36)}</RequestId>\n<TraceId>local</TraceId>\n</Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Cloud storage over HTTP, on local files: `POST /storage/upload?path=…` stands in for the
 * mini-program's `wx.cloud.uploadFile` in the browser build (a signed-in visitor only; the answer
 * is the file id); `PUT /storage/cos/<path>` receives the bytes of a function's `cloud.uploadFile`
 * with the ticket its metadata call got; `GET /storage/file/<path>` serves a file, through a
 * temporary URL (signed, refused once expired) or plainly as the browser build shows file ids.
 */
export function storageRoutes(input: { storage: CloudStorage; sessions: DevSessions }): Route[] {
  const { storage } = input;
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
      storage.write(path, body);
      return json(res, 200, { fileID: storage.fileIdOf(path) });
    }),
    route('PUT', '/storage/cos/*', async (req, res, { rest }) => {
      const path = decodePath(rest);
      const authorization = String(req.headers.authorization ?? '');
      if (path === null || !storage.redeemTicket(authorization, path)) {
        await readCapped(req, 0);
        return cosError(res, 403, 'AccessDenied', 'Access Denied: no valid upload ticket for this path', `/${rest}`);
      }
      const body = await readCapped(req, MAX_FUNCTION_UPLOAD_BYTES);
      if (body === null)
        return cosError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', `/${rest}`);
      storage.write(path, body);
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    }),
    route('GET', '/storage/file/*', (req, res, { rest }) => {
      const path = decodePath(rest);
      const query = new URL(req.url ?? '/', 'http://local').searchParams;
      if (path !== null && !storage.mayServe(path, query))
        return json(res, 403, {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'the temporary URL has expired or is not signed for this file' },
        });
      if (!serveFile(storage.dir, rest, res)) json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no such file' } });
    }),
  ];
}
