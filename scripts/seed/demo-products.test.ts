import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { drawArtwork } from './draw-demo-media';
import { DEMO_MEDIA_DIR, demoArtwork, demoCatalog } from './demo-products';

const NOW = Date.UTC(2025, 9, 1, 2);

const mediaFiles = (dir = DEMO_MEDIA_DIR): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? mediaFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );

describe('demo catalogue', () => {
  const catalog = demoCatalog(NOW);

  it('has the shapes the storefront demo needs', () => {
    expect(catalog.categories).toHaveLength(6);
    expect(catalog.products.length).toBeGreaterThanOrEqual(24);
    expect(catalog.products.filter((p) => p.soldOut).map((p) => p._id)).toEqual(['osmanthus-oolong']);
    expect(catalog.products.filter((p) => p.status === 'offShelf').map((p) => p._id)).toEqual(['custard-mooncake']);
    expect(catalog.products.filter((p) => !p.memberPrice)).toHaveLength(2);
    expect(catalog.products.filter((p) => p.recommended).length).toBeGreaterThanOrEqual(3);
    expect(catalog.products.filter((p) => p.specs.length === 2).length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...catalog.products.map((p) => p.minPriceFen))).toBe(1_990);
    expect(Math.max(...catalog.products.flatMap((p) => p.skus.map((s) => s.priceFen)))).toBe(129_900);
    expect(catalog.banners).toHaveLength(3);
    expect(catalog.stores).toHaveLength(3);
  });

  it('every SKU has one stock document, and every product belongs to a category', () => {
    const skuIds = catalog.products.flatMap((p) => p.skus.map((s) => s.skuId));
    expect(catalog.sku_stock.map((s) => s._id).sort()).toEqual([...skuIds].sort());
    const categories = new Set(catalog.categories.map((c) => c._id));
    expect(catalog.products.every((p) => categories.has(p.categoryId))).toBe(true);
    const productIds = new Set(catalog.products.map((p) => p._id));
    expect(catalog.banners.every((b) => b.productId === null || productIds.has(b.productId))).toBe(true);
  });

  it('gives every product several pictures, and counts co-purchases both ways between products it has', () => {
    expect(catalog.products.every((p) => p.images.length >= 2)).toBe(true);
    const productIds = new Set(catalog.products.map((p) => p._id));
    const counts = new Map(catalog.co_purchases.map((pair) => [pair._id, pair.count]));
    for (const pair of catalog.co_purchases) {
      expect([productIds.has(pair.productId), productIds.has(pair.otherId), pair._id]).toEqual([
        true,
        true,
        `${pair.productId}:${pair.otherId}`,
      ]);
      expect(counts.get(`${pair.otherId}:${pair.productId}`)).toBe(pair.count);
    }
  });

  it('every picture the catalogue names is shipped, drawn from the current catalogue, and the folder stays small', () => {
    const named = [
      ...catalog.products.flatMap((p) => p.images),
      ...catalog.categories.map((c) => c.iconUrl),
      ...catalog.banners.map((b) => b.imageUrl),
    ];
    const shipped = new Set(mediaFiles().map((file) => `/media/${file.slice(DEMO_MEDIA_DIR.length + 1)}`));
    expect(named.filter((url) => !shipped.has(url))).toEqual([]);
    for (const item of demoArtwork()) expect(readFileSync(join(DEMO_MEDIA_DIR, item.file), 'utf8')).toBe(drawArtwork(item));
    const bytes = mediaFiles().reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(300 * 1024);
  });
});
