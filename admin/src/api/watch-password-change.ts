import { AdminApiError } from './client';
import type { AdminClient } from './client';

/**
 * The same client, reporting every call the server refuses with PASSWORD_CHANGE_REQUIRED (a
 * session on a one-time password, wherever the page learnt it), so the page can ask for the new
 * password instead of showing the refusal. The error still reaches the caller.
 */
export function watchPasswordChange(client: AdminClient, onRequired: () => void): AdminClient {
  return {
    async call(action, payload, options) {
      try {
        return await client.call(action, payload, options);
      } catch (error) {
        if (error instanceof AdminApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') onRequired();
        throw error;
      }
    },
  };
}
