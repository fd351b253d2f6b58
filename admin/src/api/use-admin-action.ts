import { useState } from 'react';
import { useAdminSession } from './admin-api-context';
import { describeActionError, sessionLostMessage } from './error-messages';

/**
 * One admin action at a time, as a dialog or a form runs it: `run` marks it busy, answers the
 * action's result, or undefined once the failure is shown in `error` (busy cleared, so it can be
 * tried again) or a lost session is handed to the session's `onSessionLost`. After a success `busy` stays set,
 * for a dialog that closes; a form that stays clears it.
 */
export function useAdminAction() {
  const { onSessionLost } = useAdminSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (cause) {
      const lost = sessionLostMessage(cause);
      if (lost !== null) {
        onSessionLost(lost);
        return undefined;
      }
      setError(describeActionError(cause));
      setBusy(false);
      return undefined;
    }
  };

  return { busy, setBusy, error, setError, run };
}
