import { readFileSync } from 'node:fs';

/** One index as declared in `cloudfunctions/collections.json` (and created in the cloud console). */
export interface IndexSpec {
  name: string;
  unique?: boolean;
  fields: { path: string; order: 1 | -1 }[];
}

export interface CollectionSpec {
  indexes: IndexSpec[];
}

export type CollectionsFile = Record<string, CollectionSpec>;

const NAME = /^[a-z][a-z0-9_]*$/;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Reads and validates the collections file; a malformed file stops the local cloud at once. */
export function loadCollections(file: string): CollectionsFile {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as CollectionsFile;
  for (const [name, spec] of Object.entries(parsed)) {
    if (!NAME.test(name)) throw new Error(`${file}: collection name "${name}" must be snake_case`);
    for (const index of spec.indexes ?? []) {
      if (!NAME.test(index.name)) throw new Error(`${file}: index name "${index.name}" in ${name} must be snake_case`);
      if (!index.fields?.length) throw new Error(`${file}: index ${name}.${index.name} has no fields`);
      for (const field of index.fields) {
        if (!PATH.test(field.path)) throw new Error(`${file}: index ${name}.${index.name} has a bad path "${field.path}"`);
        if (field.order !== 1 && field.order !== -1) throw new Error(`${file}: index ${name}.${index.name} order must be 1 or -1`);
      }
    }
  }
  return parsed;
}

/** The SQL expression that reads one field path of a stored document; shared by indexes and queries. */
export function fieldExpr(path: string): string {
  if (path === '_id') return '_id';
  return `json_extract(doc, '$.${path}')`;
}
