import type { IncomingMessage } from 'node:http';
import type { DevSessions } from '../dev/sessions';
import { cookie, json } from './http';
import type { Route } from './router';
import { route } from './router';

const SESSION_COOKIE = 'lm_dev_session';

/** The OPENID of the browser's dev session; null before it logs in. */
export function sessionOpenid(sessions: DevSessions, req: IncomingMessage): string | null {
  return sessions.openidOf(cookie(req, SESSION_COOKIE));
}

/** `GET /dev/session` and `POST /dev/login`: the dev login that gives each browser its own OPENID, in a cookie. */
export function sessionRoutes(input: { sessions: DevSessions }): Route[] {
  const { sessions } = input;
  return [
    route('GET', '/dev/session', (req, res) => json(res, 200, { openid: sessionOpenid(sessions, req) })),
    route('POST', '/dev/login', (_req, res) => {
      const session = sessions.create(Date.now());
      res.setHeader('set-cookie', `${SESSION_COOKIE}=${session.sid}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`);
      json(res, 200, { openid: session.openid });
    }),
  ];
}
