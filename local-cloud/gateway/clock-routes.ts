import { json, readJson } from './http';
import type { Route } from './router';
import { route } from './router';

/** `GET` and `POST /dev/clock`: the time the functions see, and moving it (`{"at": <epoch ms>}`, or back to the machine's with `{"at": null}`). */
export function clockRoutes(input: { now: () => number; clock: { offsetMs: number }; setClock: (at: number | null) => void }): Route[] {
  const { now, clock, setClock } = input;
  return [
    route('GET', '/dev/clock', (_req, res) => json(res, 200, { now: now(), offsetMs: clock.offsetMs })),
    route('POST', '/dev/clock', async (req, res) => {
      const body = (await readJson(req)) as { at?: unknown } | null;
      const at = body?.at;
      if (at !== null && (typeof at !== 'number' || !Number.isFinite(at)))
        return json(res, 400, { ok: false, error: 'send {"at": <epoch ms>} or {"at": null}' });
      setClock(at);
      return json(res, 200, { now: now(), offsetMs: clock.offsetMs });
    }),
  ];
}
