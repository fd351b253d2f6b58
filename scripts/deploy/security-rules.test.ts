import { join, resolve } from 'node:path';
import { COLLECTION_NAMES } from '~/types/collections';
import { clientAccess, readSecurityRules, rulesFor } from './security-rules';
import { readCollections } from './plan';

const FUNCTIONS = join(resolve(__dirname, '../..'), 'cloudfunctions');

describe('database security rules', () => {
  const declared = Object.keys(readCollections(FUNCTIONS));
  const rules = rulesFor(declared, readSecurityRules(FUNCTIONS));

  it('give every collection in collections.json a rule, including any added later', () => {
    expect(rules.map((entry) => entry.collection).sort()).toEqual([...declared].sort());
    expect(new Set(declared)).toEqual(new Set(COLLECTION_NAMES));
  });

  it('let no mini-program client read or write any collection', () => {
    const open = rules
      .filter((entry) => clientAccess(entry.rule).length > 0)
      .map((entry) => `${entry.collection}: ${clientAccess(entry.rule).join(', ')}`);
    expect(open).toEqual([]);
  });

  it('refuse a rule for a collection that does not exist, and see through a rule that opens anything', () => {
    expect(() =>
      rulesFor(['members'], { default: { read: false, write: false }, collections: { memberz: { read: false, write: false } } }),
    ).toThrow(/memberz/);
    expect(clientAccess({ read: 'doc._openid == auth.openid', write: false })).toEqual(['read']);
    expect(clientAccess({ read: false })).toEqual(['write (unstated)']);
    expect(clientAccess({ read: false, create: false, update: false, delete: true })).toEqual(['delete']);
    expect(clientAccess({ read: false, write: false })).toEqual([]);
  });
});
