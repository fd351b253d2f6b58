import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_NAMES } from '~/types/collections';

describe('the collection registry', () => {
  it('names exactly the collections cloudfunctions/collections.json declares', () => {
    const declared = Object.keys(JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions/collections.json'), 'utf8')) as object);
    expect([...COLLECTION_NAMES].sort()).toEqual(declared.sort());
    expect(new Set(COLLECTION_NAMES).size).toBe(COLLECTION_NAMES.length);
  });
});
