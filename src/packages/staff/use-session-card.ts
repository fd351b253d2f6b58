import { useEffect } from 'react';
import { useRouter } from '@tarojs/taro';
import type { MemberCard } from '~/types/functions/staff';
import type { Loadable } from '~/src/stores/loadable';
import { idle } from '~/src/stores/loadable';
import { useStaffStore } from '~/src/stores/staff';

export interface SessionCard {
  /** The till session named in the page's address (`?session=`), or `''`. */
  sessionId: string;
  /** That session's card: never another session's. */
  card: Loadable<MemberCard>;
  /** The server said the session ran out. */
  expired: boolean;
  reload: () => void;
}

/** The member card of the session a till page was opened for: the one in the store, or read again. */
export function useSessionCard(): SessionCard {
  const { params } = useRouter();
  const sessionId = params.session ?? '';
  const card = useStaffStore((s) => s.card);
  const expired = useStaffStore((s) => s.sessionExpired);
  const loadCard = useStaffStore((s) => s.loadCard);

  useEffect(() => {
    if (!sessionId) return;
    const current = useStaffStore.getState().card;
    if (current.data?.sessionId !== sessionId) void loadCard(sessionId);
  }, [sessionId, loadCard]);

  return {
    sessionId,
    card: card.data && card.data.sessionId !== sessionId ? idle() : card,
    expired,
    reload: () => void loadCard(sessionId),
  };
}
