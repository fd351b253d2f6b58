import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { exportedNames, zodWithoutJsonSchema } from './zod-without-json-schema';

describe('zod without JSON Schema generation', () => {
  it('reads the names a module exports', () => {
    const source = 'export function a() {}\nexport const b = 1;\nexport class C {}\nexport { d, e as f };\nconst g = 1;';
    expect(exportedNames(source)).toEqual(['a', 'b', 'C', 'd', 'f']);
  });

  it('bundles schemas that still parse, refusing only a JSON Schema request', async () => {
    const entry = `
      import { z } from 'zod';
      const schema = z.strictObject({ name: z.string().min(1), count: z.number().int() });
      exports.ok = schema.safeParse({ name: 'a', count: 1 }).success;
      exports.refused = schema.safeParse({ name: '', count: 1.5 }).success;
      exports.standard = schema['~standard'].validate({ name: 'a', count: 2 });
      try { z.toJSONSchema(schema)(); exports.json = 'made'; } catch (error) { exports.json = error.message; }
    `;
    const result = await build({
      stdin: { contents: entry, resolveDir: __dirname, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      plugins: [zodWithoutJsonSchema],
    });
    const code = result.outputFiles[0]?.text ?? '';
    const exports: Record<string, unknown> = {};
    runInNewContext(code, { exports, module: { exports } });
    expect(exports).toEqual({
      ok: true,
      refused: false,
      standard: { value: { name: 'a', count: 2 } },
      json: 'JSON Schema generation is not included in cloud function bundles',
    });
    const stubbed = Object.entries(result.metafile.inputs).filter(([path]) => /json-schema-processors|to-json-schema/.test(path));
    expect(stubbed.length).toBe(2);
    expect(stubbed.every(([, input]) => input.bytes < 4_000)).toBe(true);
  });
});
