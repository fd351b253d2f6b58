import { jest } from '@jest/globals';
import type { AdminAction, AdminClient, AdminPayload, CallOptions } from '../api/client';
import type { AdminResponses } from '~/types/functions/admin';

type Handler = (action: AdminAction, payload: AdminPayload<AdminAction>, options?: CallOptions) => Promise<unknown>;

/** An AdminClient whose `call` is a Jest mock driven by one handler for every action. */
export function mockClient(handler: Handler) {
  const call = jest.fn(handler);
  const client: AdminClient = {
    call: <A extends AdminAction>(action: A, payload: AdminPayload<A>, options?: CallOptions) =>
      call(action, payload as AdminPayload<AdminAction>, options) as Promise<AdminResponses[A]>,
  };
  return { client, call };
}
