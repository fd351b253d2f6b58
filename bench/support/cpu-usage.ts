/** CPU time (user + system) this process has used so far, in seconds. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU time the counting local cloud at `controlUrl` has used so far, in seconds. */
export async function cloudCpuSeconds(controlUrl: string): Promise<number> {
  const response = await fetch(`${controlUrl}/cpu`);
  if (!response.ok) throw new Error(`cpu: HTTP ${response.status}`);
  return ((await response.json()) as { seconds: number }).seconds;
}
