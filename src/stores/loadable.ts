import type { CloudError } from '../services/cloud';
import { toCloudError } from './outcome';

/** One thing loaded from the server: a refresh keeps showing what is already there. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: CloudError | null;
}

/** A loadable before its first load. */
export function idle<T>(): Loadable<T> {
  return { status: 'idle', data: null, error: null };
}

/** Loads into a loadable; a failed refresh keeps the data on screen and records the error. */
export async function loadInto<T>(read: () => Loadable<T>, write: (value: Loadable<T>) => void, fetch: () => Promise<T>): Promise<void> {
  const current = read();
  write({ ...current, status: current.data ? current.status : 'loading', error: null });
  try {
    write({ status: 'ready', data: await fetch(), error: null });
  } catch (err) {
    const error = toCloudError(err);
    const latest = read();
    write(latest.data ? { ...latest, status: 'ready', error } : { status: 'error', data: null, error });
  }
}
