import { useState } from 'react';
import { useAdminSession } from './admin-api-context';
import { describeActionError } from './error-messages';
import { outcomeOf } from './outcome';
import type { Outcome } from './outcome';

/**
 * One admin action at a time, as a dialog or a form runs it: `run` marks it busy and answers the
 * action's outcome. A failure is shown in `error` (busy cleared, so it can be tried again) or, for
 * a lost session, handed to the session's `onSessionLost`. After a success `busy` stays set, for a
 * dialog that closes; a form that stays clears it.
 */
export function useAdminAction() {
  const { onSessionLost } = useAdminSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async <T>(action: () => Promise<T>): Promise<Outcome<T>> => {
    setBusy(true);
    setError(null);
    const outcome = await outcomeOf(action, describeActionError);
    if (outcome.ok) return outcome;
    if (outcome.failure.sessionLost) {
      onSessionLost(outcome.failure.message);
      return outcome;
    }
    setError(outcome.failure.message);
    setBusy(false);
    return outcome;
  };

  return { busy, setBusy, error, setError, run };
}
