import { ERROR_CODES } from '~/types/errors';
import type { DocStore } from '../../local-cloud/db/store';

/** Collections a refused request may still touch: failed-attempt counters and session activity. */
const MAY_CHANGE_WHEN_REFUSED = new Set(['throttles', 'admin_sessions']);

/** What an answer must never show: stack frames, source files, database internals. */
const LEAKS = [
  /\bat [\w.<>$]+ \(/,
  /\.(ts|js):\d+/,
  /node_modules/,
  /\b(TypeError|ReferenceError|SyntaxError|RangeError)\b/,
  /Cannot read propert/,
  /is not a function/,
  /\bSQLITE_|json_extract|E11000/,
  /wx-server-sdk|tcb-admin|TCB_/,
];

/**
 * A fingerprint of every document that a refused request must leave alone: per collection, its
 * count and the highest write version (every insert and replace takes a new one).
 */
export function storeDigest(store: DocStore): string {
  return store
    .collections()
    .filter((name) => !MAY_CHANGE_WHEN_REFUSED.has(name))
    .map((name) => {
      const row = store.sql.prepare(`SELECT COUNT(*) AS c, COALESCE(MAX(v), 0) AS m FROM "${name}"`).get() as { c: number; m: number };
      return `${name}:${row.c}:${row.m}`;
    })
    .join(',');
}

/** The collections whose fingerprint differs between two digests. */
export function changedCollections(before: string, after: string): string[] {
  const old = new Map(before.split(',').map((part) => [part.split(':')[0], part]));
  return after
    .split(',')
    .filter((part) => old.get(part.split(':')[0] as string) !== part)
    .map((part) => part.split(':')[0] as string);
}

/**
 * WeChat Pay's callback answers in WeChat Pay's own form (`{ errcode, errmsg }`, 0 for accepted):
 * read as the envelope, so a refusal is held to the same rules.
 */
function paymentReply(body: unknown): Answer | null {
  const reply = body as { errcode?: unknown; errmsg?: unknown } | null;
  if (typeof reply?.errcode !== 'number' || typeof reply.errmsg !== 'string') return null;
  return reply.errcode === 0 ? { ok: true, data: reply } : { ok: false, error: { code: 'FORBIDDEN', message: reply.errmsg } };
}

/** Whether an answer is a refusal (an error envelope, or WeChat Pay's callback turned away). */
export function isRefusal(body: unknown): boolean {
  const answer = paymentReply(body) ?? body;
  return isEnvelope(answer) && !answer.ok;
}

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Whether an answer is the `{ ok, data | error }` envelope. */
function isEnvelope(body: unknown): body is Answer {
  if (typeof body !== 'object' || body === null) return false;
  const envelope = body as Record<string, unknown>;
  if (envelope.ok === true) return 'data' in envelope;
  const error = envelope.error as Record<string, unknown> | undefined;
  return envelope.ok === false && typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * What is wrong with one answer: an HTTP status of a crash, no envelope, an unknown or internal
 * error code, internals shown, or (for a refusal) a write. Empty when the answer is sound.
 */
export function problemsOf(input: { status: number; body: unknown; changed: string[] }): string[] {
  const { status, changed } = input;
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  const body = paymentReply(input.body) ?? input.body;
  if (!isEnvelope(body)) return [...problems, `not an envelope: ${JSON.stringify(body).slice(0, 200)}`];
  const text = JSON.stringify(body.ok ? body.data : body.error);
  const leak = LEAKS.find((pattern) => pattern.test(text));
  if (leak) problems.push(`shows internals (${leak}): ${text.slice(0, 200)}`);
  if (!body.ok) {
    if (body.error.code === 'INTERNAL') problems.push('crashed (INTERNAL)');
    else if (!(ERROR_CODES as readonly string[]).includes(body.error.code)) problems.push(`unknown error code ${body.error.code}`);
    if (changed.length > 0) problems.push(`refused (${body.error.code}) but wrote ${changed.join(', ')}`);
  }
  return problems;
}
