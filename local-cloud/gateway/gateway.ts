import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from './http';
import type { Route } from './router';
import { matchRoute, noRoute, pathOf } from './router';

export interface GatewayOptions {
  /** The gateway's own origin (`http://127.0.0.1:<port>`), known once it listens. */
  origin: () => string;
  log: (line: string) => void;
}

/** The origin of a write that a browser sent from a page of another site; null for reads and same-site requests. */
function crossSite(req: IncomingMessage, own: string): string | null {
  const origin = req.headers.origin;
  if (req.method === 'GET' || req.method === 'HEAD' || !origin) return null;
  return origin !== own && origin !== own.replace('127.0.0.1', 'localhost') ? origin : null;
}

/**
 * The HTTP gateway's request listener: refuses cross-site writes, then answers by the first
 * route of `routes` for the method and path, or 404. A route that throws answers 500 (or ends
 * an answer already begun) and is logged.
 */
export function createGateway(routes: readonly Route[], options: GatewayOptions): (req: IncomingMessage, res: ServerResponse) => void {
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req);
    // Pages on other sites must not reach the database or the dev endpoints through a browser.
    const foreign = crossSite(req, options.origin());
    if (foreign) return json(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: `cross-site request from ${foreign}` } });
    const matched = matchRoute(routes, req.method, path);
    if (!matched) return noRoute(req, res);
    return matched.route.handle(req, res, matched.params);
  }
  return (req, res) => {
    answer(req, res).catch((error: Error) => {
      options.log(`[gateway] ${req.method} ${req.url} failed: ${error.stack ?? error.message}`);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: error.message } });
      else res.end();
    });
  };
}
