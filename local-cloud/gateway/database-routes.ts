import type { TcbServices } from '../protocol/tcb';
import { handleTcb } from '../protocol/tcb';
import type { Route } from './router';
import { route } from './router';

/**
 * `POST /tcb/:fn/:instance/admin`: the endpoint the real wx-server-sdk in an instance of
 * function `fn` calls for the database, `callFunction`, openapi and cloudPay (`-` for code
 * outside any function).
 */
export function databaseRoutes(input: { services: (fn: string, instance: string) => TcbServices }): Route[] {
  return [route('POST', '/tcb/:fn/:instance/admin', (req, res, { fn, instance }) => handleTcb(input.services(fn, instance), fn, req, res))];
}
