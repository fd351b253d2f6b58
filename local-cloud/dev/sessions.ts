import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * Dev login for browsers: each browser session gets its own OPENID, kept in the database so a
 * restart keeps members signed in. Stands in for wx.login inside WeChat; local only.
 */
export class DevSessions {
  constructor(private readonly sql: Database.Database) {
    sql.exec('CREATE TABLE IF NOT EXISTS _local_sessions (sid TEXT PRIMARY KEY, openid TEXT NOT NULL, created_at INTEGER NOT NULL)');
  }

  create(now: number): { sid: string; openid: string } {
    const sid = randomBytes(24).toString('base64url');
    // WeChat OPENIDs are 28 characters starting with "o"; local ones keep that shape.
    const openid = `o${randomBytes(21).toString('base64url').slice(0, 27)}`;
    this.sql.prepare('INSERT INTO _local_sessions (sid, openid, created_at) VALUES (?, ?, ?)').run(sid, openid, now);
    return { sid, openid };
  }

  openidOf(sid: string | undefined): string | null {
    if (!sid) return null;
    const row = this.sql.prepare('SELECT openid FROM _local_sessions WHERE sid = ?').get(sid) as { openid: string } | undefined;
    return row?.openid ?? null;
  }
}
