import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Runs `refresh` each time the page is shown again (back from another page or tab), not on its
 * first show, which the page's first load already covers: what it shows is then never older
 * than what the member just did elsewhere.
 */
export function useShownAgain(refresh: () => void): void {
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) refresh();
    shownOnce.current = true;
  });
}
