import type { ReactNode } from 'react';
import type { MemberCard } from '~/types/functions/staff';
import { LoadState } from '~/src/components/load-state';
import type { Loadable } from '~/src/stores/loadable';
import { scanAgain } from './session-notice';

interface SessionCardStateProps {
  card: Loadable<MemberCard>;
  /** The session has run out: a retry is a fresh scan, not another read. */
  over: boolean;
  reload: () => void;
  /** Rendered once the card is there. */
  children: (card: MemberCard) => ReactNode;
}

/** What a till page shows before its session's member card is there: a spinner, or the error with a retry. */
export function SessionCardState({ card, over, reload, children }: SessionCardStateProps) {
  return (
    <LoadState
      status={card.status === 'idle' ? 'loading' : card.status}
      error={card.error}
      loadingText="正在读取会员卡…"
      onRetry={over ? scanAgain : reload}
    >
      {() => children(card.data as MemberCard)}
    </LoadState>
  );
}
