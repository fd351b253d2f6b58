import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './all-migrations';

describe('the list of data migrations', () => {
  it('numbers them 0001, 0002, … in order, one file each, none missing from the list', () => {
    const ids = MIGRATIONS.map((migration) => migration.id);
    expect(ids.map((id) => Number(id.slice(0, 4)))).toEqual(ids.map((_id, index) => index + 1));
    for (const id of ids) expect(id).toMatch(/^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/);
    const files = readdirSync(__dirname)
      .filter((file) => /^\d{4}-.*\.ts$/.test(file) && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(ids);
    for (const migration of MIGRATIONS) expect(migration.description.length).toBeGreaterThan(10);
  });
});
