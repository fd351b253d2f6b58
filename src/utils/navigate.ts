import Taro from '@tarojs/taro';
import { TAB_ROUTES } from '../routes';

/** The query a tab page was asked to open with: switchTab carries none, so it waits here until the tab takes it. */
const tabQueries = new Map<string, Record<string, string>>();

function parseQuery(query: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=');
    params[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return params;
}

/** Opens a page by its URL: a tab page by switching to it (its query kept for it), any other by pushing it. */
export function openPage(url: string): void {
  const [path = url, query = ''] = url.split('?');
  if (TAB_ROUTES.includes(path)) {
    if (query) tabQueries.set(path, parseQuery(query));
    void Taro.switchTab({ url: path });
    return;
  }
  void Taro.navigateTo({ url });
}

/** The query a tab page was opened with by `openPage`, once: null when it was opened without one. */
export function takeTabQuery(path: string): Record<string, string> | null {
  const query = tabQueries.get(path) ?? null;
  tabQueries.delete(path);
  return query;
}

/** Back to the home tab from anywhere, whatever the page stack (a deep link opened fresh has none). */
export function goHome(): void {
  void Taro.switchTab({ url: TAB_ROUTES[0] as string });
}
