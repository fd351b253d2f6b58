import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { MemberCodeView } from '~/types/functions/member';
import type { CloudError } from '~/src/services/cloud';
import { getMemberCode } from '~/src/services/member';
import { toCloudError } from '~/src/stores/outcome';

const STORAGE_KEY = 'member-code';
const RETRY_MS = 5000;

interface HeldCode {
  view: MemberCodeView;
  /** Server time minus this device's time when the code arrived. */
  offsetMs: number;
}

export interface MemberCodeState {
  code: MemberCodeView | null;
  /** Seconds until the code is replaced (or, offline, until it stops working). */
  secondsLeft: number;
  /** True when the last refresh failed and the code on screen is the one fetched before. */
  offline: boolean;
  /** The code on screen can no longer be used and no new one could be fetched. */
  expired: boolean;
  loading: boolean;
  error: CloudError | null;
  retry: () => void;
}

function readStored(): HeldCode | null {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY) as HeldCode | '';
    return stored && typeof stored === 'object' && typeof stored.view?.code === 'string' ? stored : null;
  } catch {
    return null;
  }
}

/**
 * The member's rotating code: fetched on open and whenever it is due, kept in storage so that
 * without a network the current code still shows until it expires. Counts on the server's clock.
 */
export function useMemberCode(): MemberCodeState {
  const [held, setHeld] = useState<HeldCode | null>(() => readStored());
  const [now, setNow] = useState(() => Date.now());
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);
  const fetching = useRef(false);
  const lastAttempt = useRef(0);

  const refresh = useCallback(async () => {
    if (fetching.current) return;
    fetching.current = true;
    lastAttempt.current = Date.now();
    setLoading(true);
    try {
      const view = await getMemberCode();
      const next = { view, offsetMs: view.issuedAt - Date.now() };
      setHeld(next);
      setError(null);
      try {
        Taro.setStorageSync(STORAGE_KEY, next);
      } catch {
        // Storage full or unavailable: the code still works for this visit.
      }
    } catch (err) {
      setError(toCloudError(err));
    } finally {
      fetching.current = false;
      setLoading(false);
      setNow(Date.now());
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [refresh]);

  const serverNow = now + (held?.offsetMs ?? 0);
  const due = held === null || serverNow >= held.view.refreshAt;
  // Refresh when due; after a failure, try again every few seconds rather than every tick.
  useEffect(() => {
    if (!due || fetching.current) return;
    if (error && now - lastAttempt.current < RETRY_MS) return;
    void refresh();
  }, [due, error, now, refresh]);

  const usable = held !== null && serverNow < held.view.expiresAt;
  const offline = usable && error !== null && error.code === 'NETWORK';
  const until = held ? (offline || due ? held.view.expiresAt : held.view.refreshAt) : serverNow;
  return {
    code: usable ? held.view : null,
    secondsLeft: Math.max(0, Math.ceil((until - serverNow) / 1000)),
    offline,
    expired: held !== null && !usable && error !== null,
    loading,
    error,
    retry: () => void refresh(),
  };
}

/** Keeps the screen on and at full brightness while the code is shown, then restores both (weapp only). */
export function useBrightScreen(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined;
    let previous: number | null = null;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    void Taro.getScreenBrightness()
      .then((res) => {
        previous = res.value;
        return Taro.setScreenBrightness({ value: 1 });
      })
      .catch(() => undefined);
    return () => {
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
      if (previous !== null) void Taro.setScreenBrightness({ value: previous }).catch(() => undefined);
    };
  }, []);
}
