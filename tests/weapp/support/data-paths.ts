/** The steps of a `setData` key: `root.cn.[0].cn.[2].v` → root, cn, 0, cn, 2, v. */
export function pathSteps(key: string): (string | number)[] {
  return [...key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((match) => (match[1] !== undefined ? Number(match[1]) : (match[2] as string)));
}

/**
 * Writes each key of `changes` into `data` as `setData` does in the logic layer: a key is a
 * path, and the objects and arrays along it are made when missing.
 */
export function applyPaths(data: Record<string | number, unknown>, changes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(changes)) {
    const steps = pathSteps(key);
    let node = data;
    steps.forEach((step, index) => {
      if (index === steps.length - 1) {
        node[step] = value;
        return;
      }
      const next = steps[index + 1];
      if (typeof node[step] !== 'object' || node[step] === null) node[step] = typeof next === 'number' ? [] : {};
      node = node[step] as Record<string | number, unknown>;
    });
  }
}
