import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { ProtocolError } from '../db/errors';

/** The bucket name in local file ids; the platform's look like `7465-<env>-<appid number>`. */
const BUCKET = 'local-storage';

/** How long a temporary URL lives when the caller names no maxAge: the platform's default of one day. */
export const DEFAULT_MAX_AGE_S = 86_400;

/** How long an upload ticket from `storage.getUploadMetadata` may be used, as COS signs them. */
const TICKET_MS = 10 * 60_000;

/** One entry of `storage.batchGetDownloadUrl`'s `download_list`, as the platform answers it. */
export interface DownloadEntry {
  fileID: string;
  tempFileURL: string;
  code: 'SUCCESS' | 'STORAGE_FILE_NONEXIST' | 'INVALID_PARAM';
  maxAge: number;
}

/** One entry of `storage.batchDeleteFile`'s `delete_list`. */
export interface DeleteEntry {
  fileID: string;
  code: 'SUCCESS' | 'STORAGE_FILE_NONEXIST' | 'INVALID_PARAM';
}

/** Why a cloud path is refused, or null when the platform would store it. */
export function cloudPathProblem(path: string): string | null {
  if (path.length === 0 || Buffer.byteLength(path) > 850) return 'cloudPath must be 1 to 850 bytes long';
  if (path.startsWith('/') || path.endsWith('/')) return 'cloudPath must not start or end with "/"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(path)) return 'cloudPath must not contain control characters or "\\"';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..'))
    return 'cloudPath must not contain empty, "." or ".." segments';
  return null;
}

/**
 * Cloud storage on local files, as the platform's storage behaves for the SDK: an upload is a
 * ticket (`storage.getUploadMetadata`) then a PUT of the bytes to the ticket's URL; a file id is
 * `cloud://<env>.<bucket>/<path>`; a temporary URL is signed with its expiry and refused after it.
 * The browser build's own upload route writes into the same folder.
 */
export class CloudStorage {
  private readonly secret = randomBytes(32);
  private readonly tickets = new Map<string, { path: string; until: number }>();

  constructor(
    private readonly input: {
      /** Folder holding the files, by cloud path. */
      dir: string;
      envId: string;
      /** The gateway's origin, known once it listens. */
      origin: () => string;
      /** The clock the functions see, which temporary URLs expire by. */
      now: () => number;
    },
  ) {
    mkdirSync(input.dir, { recursive: true });
  }

  /** The folder holding the files. */
  get dir(): string {
    return this.input.dir;
  }

  /** A cloud file id for a stored path. */
  fileIdOf(path: string): string {
    return `cloud://${this.input.envId}.${BUCKET}/${path}`;
  }

  /** The path a file id of this environment names, or null for another environment's or a malformed id. */
  pathOf(fileId: string): string | null {
    const prefix = `cloud://${this.input.envId}.${BUCKET}/`;
    if (!fileId.startsWith(prefix)) return null;
    const path = fileId.slice(prefix.length);
    return cloudPathProblem(path) === null ? path : null;
  }

  /** The file of a cloud path, or null when the path would leave the storage folder. */
  private fileOf(path: string): string | null {
    const root = this.input.dir.endsWith(sep) ? this.input.dir : this.input.dir + sep;
    const file = normalize(join(this.input.dir, path));
    return file.startsWith(root) ? file : null;
  }

  /** Whether a cloud path holds a file. */
  has(path: string): boolean {
    const file = this.fileOf(path);
    return file !== null && existsSync(file) && statSync(file).isFile();
  }

  /** Stores bytes at a cloud path (replacing what was there, as the platform does). */
  write(path: string, body: Buffer): void {
    const file = this.fileOf(path);
    if (file === null || cloudPathProblem(path) !== null) throw new ProtocolError('INVALID_PARAM', `invalid cloudPath ${path}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }

  /** `storage.getUploadMetadata`: where and with which authorization to PUT the bytes of `path`. */
  uploadMetadata(path: string): Record<string, string> {
    const problem = cloudPathProblem(path);
    if (problem) throw new ProtocolError('INVALID_PARAM', problem);
    const authorization = randomBytes(24).toString('hex');
    const now = this.input.now();
    for (const [key, ticket] of this.tickets) if (ticket.until < now) this.tickets.delete(key);
    this.tickets.set(authorization, { path, until: now + TICKET_MS });
    return {
      url: `${this.input.origin()}/storage/cos/${encodePath(path)}`,
      token: randomBytes(16).toString('hex'),
      authorization,
      fileId: this.fileIdOf(path),
      cosFileId: randomBytes(12).toString('hex'),
      download_url: `${this.input.origin()}/storage/file/${encodePath(path)}`,
    };
  }

  /** Takes a ticket for `path` (each is good for one upload); false when it is unknown, spent, expired or for another path. */
  redeemTicket(authorization: string, path: string): boolean {
    const ticket = this.tickets.get(authorization);
    if (!ticket) return false;
    this.tickets.delete(authorization);
    return ticket.path === path && ticket.until >= this.input.now();
  }

  /** `storage.batchGetDownloadUrl`: a signed URL per file id, expiring `maxAge` seconds from now. */
  downloadUrls(list: readonly { fileid: string; max_age?: number }[]): DownloadEntry[] {
    return list.map(({ fileid, max_age }) => {
      const maxAge = typeof max_age === 'number' && max_age > 0 ? Math.floor(max_age) : DEFAULT_MAX_AGE_S;
      const path = this.pathOf(String(fileid));
      if (path === null) return { fileID: String(fileid), tempFileURL: '', code: 'INVALID_PARAM', maxAge };
      if (!this.has(path)) return { fileID: String(fileid), tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge };
      const t = Math.floor(this.input.now() / 1000) + maxAge;
      const url = `${this.input.origin()}/storage/file/${encodePath(path)}?sign=${this.sign(path, t)}&t=${t}`;
      return { fileID: String(fileid), tempFileURL: url, code: 'SUCCESS', maxAge };
    });
  }

  /** `storage.batchDeleteFile`: removes each file; a missing one is reported, not an error of the batch. */
  remove(fileIds: readonly string[]): DeleteEntry[] {
    return fileIds.map((fileID) => {
      const path = this.pathOf(String(fileID));
      if (path === null) return { fileID: String(fileID), code: 'INVALID_PARAM' };
      if (!this.has(path)) return { fileID: String(fileID), code: 'STORAGE_FILE_NONEXIST' };
      rmSync(this.fileOf(path) as string);
      return { fileID: String(fileID), code: 'SUCCESS' };
    });
  }

  /**
   * Whether a download of `path` may be served: a signed URL before its expiry, or a plain one
   * (the browser build's stand-in for a publicly readable file). A wrong or expired signature is refused.
   */
  mayServe(path: string, query: URLSearchParams): boolean {
    const sign = query.get('sign');
    const t = query.get('t');
    if (sign === null && t === null) return true;
    if (sign === null || t === null || !/^\d+$/.test(t)) return false;
    if (Number(t) * 1000 < this.input.now()) return false;
    const expected = Buffer.from(this.sign(path, Number(t)));
    const given = Buffer.from(sign);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(path: string, t: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${t}`).digest('hex').slice(0, 32);
  }
}

/** A cloud path in a URL: each segment percent-encoded, the slashes kept. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
