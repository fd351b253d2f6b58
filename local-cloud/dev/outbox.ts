import type Database from 'better-sqlite3';

export interface OutboxMessage {
  id: number;
  at: number;
  fn: string;
  api: string;
  touser: string | null;
  templateId: string | null;
  page: string | null;
  data: Record<string, unknown>;
}

/**
 * Where `cloud.openapi.*` calls land locally: recorded, never sent (subscription messages and
 * the like). Calls are written together once the current burst of them is through (a job sends
 * hundreds at once, and one transaction each cost more than the rest of the call); reading the
 * outbox writes what is waiting first.
 */
export class Outbox {
  private readonly select: Database.Statement;
  private readonly write: (rows: unknown[][]) => void;
  private waiting: unknown[][] = [];
  private nextId: number;

  constructor(private readonly sql: Database.Database) {
    sql.exec(`CREATE TABLE IF NOT EXISTS _local_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, fn TEXT NOT NULL, api TEXT NOT NULL,
      touser TEXT, template_id TEXT, page TEXT, data TEXT NOT NULL)`);
    const insert = sql.prepare(
      'INSERT INTO _local_outbox (id, at, fn, api, touser, template_id, page, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.write = sql.transaction((rows: unknown[][]) => rows.forEach((row) => insert.run(...row)));
    this.select = sql.prepare('SELECT * FROM _local_outbox WHERE id <= ? ORDER BY id DESC LIMIT ?');
    this.nextId = ((sql.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM _local_outbox').get() as { id: number }).id ?? 0) + 1;
  }

  record(fn: string, api: string, args: Record<string, unknown>, at: number): OutboxMessage {
    const text = (key: string) => (typeof args[key] === 'string' ? (args[key] as string) : null);
    const message = {
      id: this.nextId++,
      at,
      fn,
      api,
      touser: text('touser'),
      templateId: text('template_id'),
      page: text('page'),
      data: args,
    };
    if (this.waiting.length === 0) setImmediate(() => this.flush());
    this.waiting.push([message.id, at, fn, api, message.touser, message.templateId, message.page, JSON.stringify(args)]);
    return message;
  }

  /** Writes the calls recorded since the last write (before the database closes, too). */
  flush(): void {
    if (this.waiting.length === 0 || !this.sql.open) return;
    const rows = this.waiting;
    this.waiting = [];
    try {
      this.write(rows);
    } catch (error) {
      console.error(`[local-cloud] ${rows.length} outbox messages not recorded`, error);
    }
  }

  /** Newest first; `upTo` limits to ids at or below it. */
  list(limit = 100, upTo = Number.MAX_SAFE_INTEGER): OutboxMessage[] {
    this.flush();
    const rows = this.select.all(upTo, limit) as {
      id: number;
      at: number;
      fn: string;
      api: string;
      touser: string | null;
      template_id: string | null;
      page: string | null;
      data: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      fn: row.fn,
      api: row.api,
      touser: row.touser,
      templateId: row.template_id,
      page: row.page,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }
}
