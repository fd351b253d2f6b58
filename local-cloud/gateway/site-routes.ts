import { join, resolve } from 'node:path';
import { json } from './http';
import type { Route } from './router';
import { noRoute, route } from './router';
import { serveFile, serveStatic } from './static';

const READ = ['GET', 'HEAD'] as const;

/**
 * The demo pictures at `/media/…`, the admin page at `/admin/` and the H5 storefront everywhere
 * else, from their builds under `root/dist`; a front end not built answers 404.
 */
export function siteRoutes(input: { root: string; mediaDir?: string }): Route[] {
  const storefront = join(input.root, 'dist', 'h5');
  const adminSite = join(input.root, 'dist', 'admin');
  return [
    route(READ, '/media/*', (_req, res, { rest }) => {
      if (input.mediaDir && serveFile(resolve(input.mediaDir), rest, res)) return;
      json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `no media /media/${rest}` } });
    }),
    route(READ, '/admin', (_req, res) => {
      res.writeHead(302, { location: '/admin/' });
      res.end();
    }),
    route(READ, '/admin/*', (req, res, { rest }) => {
      if (!serveStatic(adminSite, rest, res)) noRoute(req, res);
    }),
    route(READ, '/*', (req, res, { rest }) => {
      if (!serveStatic(storefront, rest, res)) noRoute(req, res);
    }),
  ];
}
