/** Most words a keyword search matches at once; more would only slow the scan. */
const MAX_TERMS = 5;

/**
 * Text as keyword search compares it: full-width letters and digits folded to ASCII (NFKC),
 * lower case, runs of white space as one space.
 */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A product's `searchText`: its title, subtitle and keywords, normalised. */
export function searchTextOf(product: { title: string; subtitle: string; keywords?: readonly string[] }): string {
  return normaliseSearchText([product.title, product.subtitle, ...(product.keywords ?? [])].join(' '));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The regular expressions (as source text) a keyword search needs: one per distinct word, each
 * matched literally against `searchText`; a product must contain every word.
 */
export function keywordPatterns(keyword: string): string[] {
  const words = normaliseSearchText(keyword).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, MAX_TERMS).map(escapeRegExp);
}
