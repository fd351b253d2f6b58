import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { DemoCatalog } from '../../scripts/seed/demo-products';
import type { ListLoads } from '../../tests/weapp/support/list-loads';
import { scrollListToEnd } from '../../tests/weapp/support/list-loads';
import { joinFromHome, seedHistory, SHOPPER_OPENID } from '../../tests/weapp/support/storefront';
import { WeappClient } from '../../tests/weapp/support/weapp-client';

/** What the built mini-program sent to its view: the home page's first render and the two long lists scrolled to the end. */
export interface WeappFigures {
  home: { setData: number; firstBytes: number; totalBytes: number; ms: number };
  lists: { name: string; walk: ListLoads }[];
}

/**
 * Runs the weapp build in the test harness against `cloud`: its shopper joins, gets `counts` of
 * history, then a freshly launched client opens the home page and scrolls both long lists.
 */
export async function measureWeapp(
  cloud: LocalCloud,
  catalog: DemoCatalog,
  counts: { entries: number; orders: number },
  now: number,
): Promise<WeappFigures> {
  const joining = WeappClient.launch({ cloud, openid: SHOPPER_OPENID });
  try {
    await joinFromHome(joining);
  } finally {
    joining.close();
  }
  // A millisecond apart from the H5 member's history: order numbers are made from the order times.
  seedHistory({ cloud, catalog, now: now - 1 }, counts);

  const client = WeappClient.launch({ cloud, openid: SHOPPER_OPENID });
  try {
    const started = performance.now();
    const home = await client.open('/pages/index/index');
    await client.waitFor(
      'the home page with the member card and products',
      () => home.find('.member-card').length && home.find('.product-card').length,
    );
    const ms = performance.now() - started;
    const sent = client.setDataOf(home).map((record) => record.bytes);
    const lists = [
      { name: 'points history', walk: await scrollListToEnd(client, '/packages/points/pages/index/index', '.history-item') },
      { name: 'orders list', walk: await scrollListToEnd(client, '/packages/orders/pages/list/index', '.order-card') },
    ];
    if (client.errors.length) throw new Error(`the mini-program reported errors:\n${client.errors.join('\n')}`);
    return { home: { setData: sent.length, firstBytes: sent[0] ?? 0, totalBytes: sent.reduce((a, b) => a + b, 0), ms }, lists };
  } finally {
    client.close();
  }
}
