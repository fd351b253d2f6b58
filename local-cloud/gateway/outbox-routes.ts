import type { Outbox } from '../dev/outbox';
import { json } from './http';
import type { Route } from './router';
import { route } from './router';

/** `GET /dev/outbox`: the subscription messages the functions sent. */
export function outboxRoutes(input: { outbox: Outbox }): Route[] {
  return [route('GET', '/dev/outbox', (_req, res) => json(res, 200, { messages: input.outbox.list() }))];
}
