import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardView } from '~/types/functions/admin-dashboard';
import { useAdminApi, useAdminSession } from '../../api/admin-api-context';
import { outcomeOf } from '../../api/outcome';
import type { DayRange } from './dashboard-range';

/** The dashboard of a range as loaded: the answer, whether a load is running, and the message of a failed one. */
export interface DashboardState {
  view: DashboardView | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * Loads the dashboard for `range`, again whenever it changes (a stale answer is dropped); a lost
 * session goes to `onSessionLost`, any other failure to `error`.
 */
export function useDashboard(range: DayRange): DashboardState {
  const { client, token } = useAdminApi();
  const { onSessionLost } = useAdminSession();
  const [view, setView] = useState<DashboardView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sessionLost = useRef(onSessionLost);
  useEffect(() => {
    sessionLost.current = onSessionLost;
  }, [onSessionLost]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    void outcomeOf(() => client.call('getDashboard', { token, from: range.from, to: range.to }, { signal: controller.signal })).then(
      (outcome) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        if (outcome.ok) {
          setView(outcome.value);
        } else if (outcome.failure.sessionLost) {
          sessionLost.current(outcome.failure.message);
        } else {
          setError(outcome.failure.message);
        }
      },
    );
    return () => controller.abort();
  }, [client, token, range.from, range.to, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { view, loading, error, reload };
}
