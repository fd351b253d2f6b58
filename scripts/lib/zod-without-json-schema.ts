import type { Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';

/** zod's JSON Schema generation: every schema links to it, and no function ever calls it. */
const JSON_SCHEMA_MODULES = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;

/** The names a module exports (`export function|const|class name`, `export { a, b as c }`). */
export function exportedNames(source: string): string[] {
  const declared = [...source.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)/gm)].map(
    (m) => m[1] as string,
  );
  const listed = [...source.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) =>
    (m[1] as string)
      .split(',')
      .map(
        (part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop() as string,
      )
      .filter(Boolean),
  );
  return [...new Set([...declared, ...listed])];
}

/**
 * Leaves zod's JSON Schema generation out of function bundles (about 16 KB each). Every export
 * stays, answering a function that refuses to run: schemas still build their `~standard` entry
 * when asked, and only an actual JSON Schema request fails, saying why.
 */
export const zodWithoutJsonSchema: Plugin = {
  name: 'zod-without-json-schema',
  setup(build) {
    build.onLoad({ filter: JSON_SCHEMA_MODULES }, ({ path }) => {
      const names = exportedNames(readFileSync(path, 'utf8'));
      const stubs = names.map((name) => `export const ${name} = () => unavailable;`).join('\n');
      return {
        contents: `const unavailable = () => { throw new Error('JSON Schema generation is not included in cloud function bundles'); };\n${stubs}\n`,
        loader: 'js',
      };
    });
  },
};
