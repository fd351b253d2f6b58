import { useCallback, useEffect, useState } from 'react';
import type { AdminProgrammeResponses } from '~/types/functions/admin-programme';
import { useAdminApi } from '../../api/admin-api-context';
import { outcomeOf } from '../../api/outcome';

type Programme = AdminProgrammeResponses['getProgramme'];

/** The rules, versions and templates the page shows; a failed load is kept as `error`, a lost session goes to the login screen. */
export function useProgramme() {
  const { client, token, onSessionLost } = useAdminApi();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    void outcomeOf(() => client.call('getProgramme', { token }, { signal: controller.signal })).then((outcome) => {
      if (controller.signal.aborted) return;
      setLoading(false);
      if (outcome.ok) setProgramme(outcome.value);
      else if (outcome.failure.sessionLost) onSessionLost(outcome.failure.message);
      else setError(outcome.failure.message);
    });
    return () => controller.abort();
  }, [client, token, onSessionLost, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { programme, loading, error, reload };
}
