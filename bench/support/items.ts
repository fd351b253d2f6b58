import type { Doc } from '../../local-cloud/db/ejson';
import { toStored } from '../../local-cloud/db/ejson';
import { seededRandom } from '../../tests/support/seeded-random';

export { seededRandom };

/** Documents seeded into every store the benchmark compares. */
export const ITEM_COUNT = 10_000;
/** Documents per page of the paged scan. */
export const PAGE = 100;
/** Starting stock: high enough that every guarded update in a run finds stock left. */
export const START_STOCK = 1_000_000;

const CATEGORIES = ['tea', 'snacks', 'home', 'beauty', 'toys', 'books', 'garden', 'sports'];
const CREATED = Date.UTC(2025, 0, 1);

/** The `_id` of item number `i`. */
export function itemId(i: number): string {
  return `item-${String(i).padStart(5, '0')}`;
}

/** Item number `i`, a catalogue row of realistic size; `rank` is unique and indexed. */
export function itemDoc(i: number): Doc {
  return {
    _id: itemId(i),
    sku: `SKU-${100_000 + i}`,
    name: `Item ${i} of the loyalty catalogue`,
    category: CATEGORIES[i % CATEGORIES.length],
    rank: i,
    price: 100 + ((i * 37) % 10_000),
    pointsPrice: 10 + ((i * 13) % 500),
    stock: START_STOCK,
    tags: ['bench', `group-${i % 10}`],
    createdAt: new Date(CREATED + i * 60_000),
  };
}

/** Item number `i` in the stored (and wire) text form: relaxed EJSON. */
export function itemText(i: number): string {
  return toStored(itemDoc(i));
}
