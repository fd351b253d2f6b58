import { dirname } from 'node:path';

/**
 * Resolves a package the way miniprogram-simulate does: j-component (its view layer),
 * miniprogram-exparser (j-component's component tree) and miniprogram-compiler (the official
 * `wcc`) are its own dependencies, so they come in the versions it was released with.
 */
export function resolveFromSimulator(request: string): string {
  const simulator = dirname(require.resolve('miniprogram-simulate/package.json'));
  const viewLayer = dirname(require.resolve('j-component/package.json', { paths: [simulator] }));
  return require.resolve(request, { paths: [simulator, viewLayer] });
}
