import { spawn } from 'node:child_process';

/** Runs an npm script (or any command) with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs `npm run <script>` and fails loudly when it fails. */
export async function npmRun(script: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const code = await run('npm', ['run', '--silent', script], env);
  if (code !== 0) throw new Error(`npm run ${script} failed with exit code ${code}`);
}
