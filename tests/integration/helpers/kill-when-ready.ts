import { spawn } from 'node:child_process';

/**
 * Pulling the plug: runs a helper script (under tsx) until `ready` holds for a chunk of
 * what it prints, waits `extraMs` more, then kills it with SIGKILL. Rejects if the
 * script stops on its own, so a kill that never happened cannot pass as one.
 */
export function killWhenReady(
  script: string,
  args: readonly string[],
  ready: (stdoutChunk: string) => boolean,
  extraMs = 0,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdout.on('data', (chunk) => {
      if (!killed && ready(String(chunk))) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`${script} stopped on its own: ${stderr}`));
    });
  });
}
