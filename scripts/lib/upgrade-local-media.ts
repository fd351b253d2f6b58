import type { BannerDoc, CategoryDoc, ProductDoc } from '~/types/catalog';
import type { Doc } from '../../local-cloud/db/ejson';
import type { DocStore } from '../../local-cloud/db/store';
import type { SeedTarget } from '../seed/demo-products';
import { uploadDemoPicture } from '../seed/demo-products';

/**
 * Moves the demo pictures of a local database made before the catalogue used cloud storage into
 * it: each `/media/…` path on a category, product or banner becomes the `cloud://` file id of an
 * uploaded copy. Answers how many documents changed.
 */
export function upgradeLocalMedia(store: DocStore, storage: SeedTarget['storage']): number {
  const upload = (url: string) => uploadDemoPicture(storage, url);
  const upgrades: [collection: string, change: (doc: Record<string, unknown>) => Record<string, unknown>][] = [
    ['categories', (doc) => ({ ...doc, iconUrl: upload((doc as unknown as CategoryDoc).iconUrl) })],
    ['products', (doc) => ({ ...doc, images: (doc as unknown as ProductDoc).images.map(upload) })],
    ['banners', (doc) => ({ ...doc, imageUrl: upload((doc as unknown as BannerDoc).imageUrl) })],
  ];
  let changed = 0;
  store.atomically(() => {
    for (const [collection, change] of upgrades) {
      for (const row of [...store.scan(collection, [], [], '_id')]) {
        const doc = store.parse(row) as Record<string, unknown>;
        if (!JSON.stringify(doc).includes('"/media/')) continue;
        store.replace(collection, change(doc) as Doc);
        changed += 1;
      }
    }
  });
  return changed;
}
