import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from './http';

/** The parameter named by one segment of a path pattern. */
type SegmentParam<S extends string> = S extends '*'
  ? 'rest'
  : S extends `:${infer Name}(${string}`
    ? Name
    : S extends `:${infer Name}`
      ? Name
      : never;

/** The parameters a path pattern names, e.g. `'fn' | 'instance'` for `/tcb/:fn/:instance/admin`. */
type ParamNames<P extends string> = P extends `${infer Head}/${infer Tail}` ? SegmentParam<Head> | ParamNames<Tail> : SegmentParam<P>;

/** A route's parameters by name, as they appear in the URL (not decoded). */
export type Params<P extends string> = Record<ParamNames<P>, string>;

/** Answers one request that a route matched. */
export type Handler<P extends string = string> = (req: IncomingMessage, res: ServerResponse, params: Params<P>) => void | Promise<void>;

/** One entry of the gateway's route table. */
export interface Route {
  methods: readonly string[];
  pattern: RegExp;
  handle: (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => void | Promise<void>;
}

/** The regular expression of a path pattern (see `route`). */
function compile(path: string): RegExp {
  const segments = path.split('/').map((segment, index, all) => {
    if (segment === '*' && index === all.length - 1) return '(?<rest>.*)';
    const param = /^:([A-Za-z]\w*)(?:\((.+)\))?$/.exec(segment);
    if (param) return `(?<${param[1]}>${param[2] ?? '[^/]+'})`;
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}$`);
}

/**
 * A route for `method` (or any of several) and a path pattern: literal segments, `:name` for
 * one segment, `:name(regex)` for one segment the regex allows (no `/` in it), and a last `*`
 * for the rest of the path, possibly empty (`params.rest`).
 */
export function route<P extends string>(method: string | readonly string[], path: P, handle: Handler<P>): Route {
  return {
    methods: typeof method === 'string' ? [method] : method,
    pattern: compile(path),
    // The compiled pattern's named groups are exactly the parameters its text names.
    handle: handle as Route['handle'],
  };
}

/** The path of a request's URL, not decoded. */
export function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://local').pathname;
}

/** The first route of `routes` for the request's method and path, with its parameters. */
export function matchRoute(
  routes: readonly Route[],
  method: string | undefined,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    if (!route.methods.includes(method ?? '')) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: { ...match.groups } };
  }
  return null;
}

/** The answer to a request that no route serves. */
export function noRoute(req: IncomingMessage, res: ServerResponse): void {
  json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `${req.method} ${pathOf(req)}` } });
}
