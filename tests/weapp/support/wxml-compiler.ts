import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { resolveFromSimulator } from './simulator-modules';

/** A compiled page or component template: data in, wcc's virtual tree out (j-component turns it into nodes). */
export type TemplateFunction = (data: unknown) => unknown;

/** Every template of a build, compiled once by the official WXML compiler. */
export interface CompiledTemplates {
  /** The template of `path` (`pages/index/index`, `comp`). */
  template(path: string): TemplateFunction;
  /** Takes the warnings the template runtime printed since the last call (`Template ... not found`). */
  drainWarnings(): string[];
}

const BINARY = { linux: 'linux/wcc', darwin: 'mac/wcc', win32: 'windows/wcc.exe' } as const;

/**
 * A private, executable copy of the `wcc` that ships with miniprogram-simulate's compiler. Its own wrapper
 * changes the binary's mode in node_modules before every call; the copy leaves the install alone.
 */
function wccBinary(): string {
  const name = BINARY[process.platform as keyof typeof BINARY];
  if (!name) throw new Error(`miniprogram-compiler ships no wcc for ${process.platform}`);
  const shipped = join(dirname(resolveFromSimulator('miniprogram-compiler/package.json')), 'bin', name);
  const { size, mtimeMs } = statSync(shipped);
  const copy = join(tmpdir(), `loyalty-mall-wcc-${size}-${Math.round(mtimeMs)}`, name.split('/').pop() as string);
  if (!existsSync(copy)) {
    mkdirSync(dirname(copy), { recursive: true });
    const partial = `${copy}.${process.pid}`;
    copyFileSync(shipped, partial);
    chmodSync(partial, 0o755);
    renameSync(partial, copy);
  }
  return copy;
}

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replace(/\\/g, '/'))
    .sort();
}

/** wcc's custom-component argument: how many templates use components, then each one's path, count and tag names. */
function componentArgument(dir: string, wxmlFiles: string[]): string {
  const users = wxmlFiles.flatMap((file) => {
    const json = join(dir, file.replace(/\.wxml$/, '.json'));
    if (!existsSync(json)) return [];
    const using = Object.keys((JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: object }).usingComponents ?? {});
    return using.length ? [[file, String(using.length), ...using].join(' ')] : [];
  });
  return [String(users.length), ...users].join(' ');
}

/**
 * Compiles every `.wxml` and `.wxs` under `dir` with the official compiler into one `$gwx`, as
 * WeChat's view layer loads it, and runs it in a context of its own whose console collects the
 * template runtime's warnings.
 */
export function compileTemplates(dir: string): CompiledTemplates {
  const wxml = filesUnder(dir, '.wxml');
  const wxs = filesUnder(dir, '.wxs');
  const args = ['-d', '-cc', componentArgument(dir, wxml), ...wxml, ...wxs, '-gn', '$gwx'];
  const wcc = spawnSync(wccBinary(), args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  if (wcc.error) throw wcc.error;
  if (wcc.status !== 0) throw new Error(`wcc could not compile ${dir}:\n${wcc.stderr.toString()}`);

  let warnings: string[] = [];
  const collect = (...parts: unknown[]) => void warnings.push(parts.map(String).join(' '));
  const context = createContext({ console: { log: collect, info: collect, warn: collect, error: collect }, window: {} });
  const gwx = runInContext(`${wcc.stdout.toString()}\n;$gwx`, context, { filename: 'wcc-output.js' }) as (path: string) => TemplateFunction;
  // The template runtime tells objects from other values by their constructor (`o.constructor === Object`):
  // data must be made of its own realm's objects, as it is in WeChat's view layer, which parses what setData sent.
  const json = runInContext('JSON', context) as JSON;
  const cache = new Map<string, TemplateFunction>();
  return {
    template(path) {
      let compiled = cache.get(path);
      if (!compiled) {
        const generate = gwx(`${path}.wxml`);
        if (typeof generate !== 'function') throw new Error(`wcc compiled no template for ${path}.wxml`);
        compiled = (data) => generate(json.parse(JSON.stringify(data)));
        cache.set(path, compiled);
      }
      return compiled;
    },
    drainWarnings() {
      const drained = warnings;
      warnings = [];
      return drained;
    },
  };
}
