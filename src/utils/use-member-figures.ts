import { useEffect } from 'react';
import { useMemberStore } from '../stores/member';
import { useShownAgain } from './use-shown-again';

/**
 * For a page that shows the member's figures (home, 我的): loads them on the first show unless
 * they are already known, and again each time the page is shown again, so they are never older
 * than what the member just did elsewhere.
 */
export function useMemberFigures(): void {
  const load = useMemberStore((s) => s.load);
  useEffect(() => {
    if (useMemberStore.getState().status === 'idle') void load();
  }, [load]);
  useShownAgain(() => void load());
}
