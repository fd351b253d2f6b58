import Taro from '@tarojs/taro';

/** Where recent keywords are kept on this device. */
export const SEARCH_HISTORY_KEY = 'lm.search-history.v1';
const KEEP = 10;

/** The member's recent keywords on this device, newest first. */
export function readSearchHistory(): string[] {
  try {
    const stored: unknown = Taro.getStorageSync(SEARCH_HISTORY_KEY);
    const parsed: unknown = typeof stored === 'string' && stored ? JSON.parse(stored) : stored;
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

/** Puts a keyword first in the history (once) and answers the new history. */
export function rememberSearch(keyword: string): string[] {
  const history = [keyword, ...readSearchHistory().filter((item) => item !== keyword)].slice(0, KEEP);
  Taro.setStorageSync(SEARCH_HISTORY_KEY, JSON.stringify(history));
  return history;
}

/** Forgets every recent keyword. */
export function clearSearchHistory(): void {
  Taro.removeStorageSync(SEARCH_HISTORY_KEY);
}
