import { jest } from '@jest/globals';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AdminRole } from '~/types/documents';
import type { AdminAction, AdminClient, AdminPayload, CallOptions, ConsoleResponses } from '../api/client';
import { renderWithProviders } from './render-with-providers';

/** The session token of a signed-in test. */
export const TEST_TOKEN = 'tok_0123456789abcdef';

type Handler = (action: AdminAction, payload: AdminPayload<AdminAction>, options?: CallOptions) => Promise<unknown>;

/** How a test answers one action: with the server's data, or by throwing an AdminApiError. */
export type ActionHandler = (action: AdminAction, payload: AdminPayload<AdminAction>) => Promise<unknown>;
/** Answers by action. */
export type ActionHandlers = Partial<Record<AdminAction, ActionHandler>>;

/** An AdminClient whose `call` is a Jest mock driven by one handler for every action. */
export function mockClient(handler: Handler) {
  const call = jest.fn(handler);
  const client: AdminClient = {
    call: <A extends AdminAction>(action: A, payload: AdminPayload<A>, options?: CallOptions) =>
      call(action, payload as AdminPayload<AdminAction>, options) as Promise<ConsoleResponses[A]>,
  };
  return { client, call };
}

/** The Jest mock behind a mock client's `call`. */
export type MockCall = ReturnType<typeof mockClient>['call'];

/**
 * A mock client for a page: each action is answered by the test's `overrides`, else by the page's
 * `defaults` (usually its lists), else by `fallback`; with no fallback any other action fails the test.
 */
export function pageClient(defaults: ActionHandlers, overrides: ActionHandlers = {}, fallback?: ActionHandler) {
  return mockClient(async (action, payload) => {
    const handler = overrides[action] ?? defaults[action] ?? fallback;
    if (!handler) throw new Error(`unexpected ${action}`);
    return handler(action, payload);
  });
}

/** The calls the client got for one action, in order. */
export function callsOf(call: MockCall, action: AdminAction) {
  return call.mock.calls.filter(([called]) => called === action);
}

/** Who a page test is signed in as, and what it does with a lost session. */
export interface SignedInOptions {
  role?: AdminRole;
  username?: string;
  onSessionLost?: (message: string) => void;
}

/** Renders a page signed in with TEST_TOKEN as an owner (or `role`), talking to `client`. */
export function renderSignedIn(
  element: ReactElement,
  client: AdminClient,
  { role, username, onSessionLost = jest.fn() }: SignedInOptions = {},
): RenderResult {
  const admin = { ...(role === undefined ? {} : { role }), ...(username === undefined ? {} : { username }) };
  return renderWithProviders(element, { client, token: TEST_TOKEN, admin, onSessionLost });
}
