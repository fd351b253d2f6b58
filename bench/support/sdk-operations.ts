import type { RawCloud } from '../../tests/support/sdk';
import { ITEM_COUNT, itemId, PAGE, seededRandom } from './items';
import type { Operation } from './measure';

/** The three benchmark operations, built on one SDK database handle. */
export interface BenchOperations {
  pointRead: Operation;
  guardedUpdate: Operation;
  pagedScan: Operation;
  /** Guarded updates that found no document with stock left (should stay 0). */
  missedUpdates(): number;
}

/** The benchmark operations through the real wx-server-sdk (`db = cloud.database()`). */
export function sdkOperations(db: RawCloud, seed: number): BenchOperations {
  const random = seededRandom(seed);
  const anyItem = () => Math.floor(random() * ITEM_COUNT);
  const _ = db.command;
  const items = db.collection('items');
  let missed = 0;
  return {
    pointRead: () => items.doc(itemId(anyItem())).get(),
    guardedUpdate: async () => {
      const result = await items.where({ _id: itemId(anyItem()), stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } });
      if (result.stats.updated !== 1) missed += 1;
    },
    pagedScan: () =>
      items
        .where({ rank: _.gte(Math.floor(random() * (ITEM_COUNT - PAGE))) })
        .orderBy('rank', 'asc')
        .limit(PAGE)
        .get(),
    missedUpdates: () => missed,
  };
}
