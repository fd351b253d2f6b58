import type { Caller, FunctionPool } from '../functions/pool';
import type { DevSessions } from '../dev/sessions';
import { clientIp, json, readJson } from './http';
import type { Route } from './router';
import { route } from './router';
import { sessionOpenid } from './session-routes';

/**
 * `POST /fn/:name`: calls a function from a browser, as the mini-program user of its dev
 * session (`wx_client`) or, before it logs in, as a plain HTTP caller (`wx_http`). The body is
 * the event; the answer is the function's.
 */
export function functionRoutes(input: { pools: ReadonlyMap<string, FunctionPool>; sessions: DevSessions; appid: string }): Route[] {
  return [
    route('POST', '/fn/:name([a-z][a-z0-9-]*)', async (req, res, { name }) => {
      const pool = input.pools.get(name);
      // Timer jobs are not reachable from browsers, as they have no HTTP access in production.
      if (!pool || name.startsWith('job-'))
        return json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `no function ${name}` } });
      const openid = sessionOpenid(input.sessions, req);
      const caller: Caller = openid
        ? { source: 'wx_client', openid, appid: input.appid, clientIp: clientIp(req) }
        : { source: 'wx_http', clientIp: clientIp(req) };
      let event: unknown;
      try {
        event = await readJson(req);
      } catch {
        return json(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'body must be JSON' } });
      }
      try {
        return json(res, 200, await pool.invoke(event, caller));
      } catch (error) {
        return json(res, 502, { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } });
      }
    }),
  ];
}
