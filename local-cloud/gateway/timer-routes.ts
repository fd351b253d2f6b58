import { json } from './http';
import type { Route } from './router';
import { route } from './router';

/** `POST /dev/timers/:fn/run`: fires a function's timer trigger now, as the platform would. */
export function timerRoutes(input: { runTimer: (fn: string) => Promise<unknown> }): Route[] {
  return [
    route('POST', '/dev/timers/:fn([a-z0-9-]+)/run', async (_req, res, { fn }) => {
      try {
        return json(res, 200, { ok: true, result: await input.runTimer(fn) });
      } catch (error) {
        return json(res, 409, { ok: false, error: { code: 'CONFLICT', message: (error as Error).message } });
      }
    }),
  ];
}
