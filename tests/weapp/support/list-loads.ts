import type { WeappClient } from './weapp-client';
import type { WeappPage } from './weapp-page';

/** What a paged list page sent to the view, opened and scrolled to its end. */
export interface ListLoads {
  page: WeappPage;
  /** Bytes of every `setData` from opening the page until its first page of items was on screen. */
  openingBytes: number;
  /** Bytes sent by each "load more", in order (all its `setData` together). */
  loadBytes: number[];
  /** The largest single `setData` of the whole walk. */
  largestBytes: number;
  /** Items on screen at the end. */
  items: number;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Opens a paged list and scrolls to the bottom until a scroll loads nothing more (each scroll
 * calls the page's `onReachBottom`, as WeChat does near the end of the page).
 */
export async function scrollListToEnd(client: WeappClient, url: string, itemSelector: string): Promise<ListLoads> {
  const page = await client.open(url);
  await page.waitFor(itemSelector);
  await client.settle(100);
  const openingBytes = sum(client.setDataOf(page).map((record) => record.bytes));
  const loadBytes: number[] = [];
  for (;;) {
    const sent = client.setDataOf(page).length;
    const called = client.calls.length;
    page.reachBottom();
    await client.settle(50);
    if (!client.calls.slice(called).some((call) => call.api === 'cloud.callFunction')) break;
    loadBytes.push(
      sum(
        client
          .setDataOf(page)
          .slice(sent)
          .map((record) => record.bytes),
      ),
    );
  }
  const largestBytes = Math.max(...client.setDataOf(page).map((record) => record.bytes));
  return { page, openingBytes, loadBytes, largestBytes, items: page.find(itemSelector).length };
}
