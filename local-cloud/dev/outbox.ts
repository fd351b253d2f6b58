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

/** Where `cloud.openapi.*` calls land locally: recorded, never sent (subscription messages and the like). */
export class Outbox {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;

  constructor(private readonly sql: Database.Database) {
    sql.exec(`CREATE TABLE IF NOT EXISTS _local_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, fn TEXT NOT NULL, api TEXT NOT NULL,
      touser TEXT, template_id TEXT, page TEXT, data TEXT NOT NULL)`);
    this.insert = sql.prepare('INSERT INTO _local_outbox (at, fn, api, touser, template_id, page, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.select = sql.prepare('SELECT * FROM _local_outbox WHERE id <= ? ORDER BY id DESC LIMIT ?');
  }

  record(fn: string, api: string, args: Record<string, unknown>, at: number): OutboxMessage {
    const text = (key: string) => (typeof args[key] === 'string' ? (args[key] as string) : null);
    const message = { at, fn, api, touser: text('touser'), templateId: text('template_id'), page: text('page'), data: args };
    const info = this.insert.run(at, fn, api, message.touser, message.templateId, message.page, JSON.stringify(args));
    return { id: Number(info.lastInsertRowid), ...message };
  }

  /** Newest first; `upTo` limits to ids at or below it. */
  list(limit = 100, upTo = Number.MAX_SAFE_INTEGER): OutboxMessage[] {
    const rows = this.select.all(upTo, limit) as { id: number; at: number; fn: string; api: string; touser: string | null; template_id: string | null; page: string | null; data: string }[];
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
