import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_HOST = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'node', 'web.js');

export interface BuiltWebHost {
  /** The address it printed, with this run's token. */
  url: string;
  child: ChildProcess;
  dataDir: string;
  stop(): void;
}

/**
 * The built web host (out/node/web.js) on a fresh data folder and a free port, once it
 * says where it listens: for the screenshots and the bench. `prepare` may write files
 * into the data folder before it starts.
 */
export async function startBuiltWebHost(
  options: { args?: string[]; prepare?: (dataDir: string) => void } = {},
): Promise<BuiltWebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-host-'));
  options.prepare?.(dataDir);
  const child = spawn(
    process.execPath,
    [WEB_HOST, '--port', '0', '--no-open', '--data', dataDir, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
  return {
    url,
    child,
    dataDir,
    stop() {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
