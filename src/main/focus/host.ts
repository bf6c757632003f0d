import { execFile } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { homedir } from 'node:os';

/**
 * What the focus detectors need of the machine, as a port: run a platform tool and
 * read files. The real one is below; tests give captured outputs of the tools
 * (tests/fixtures/focus) and a /proc made of files in a temp folder.
 */
export type CommandResult =
  | { ok: true; stdout: string }
  /** `missing`: the tool is not installed. Otherwise it ran and failed (`exitCode`). */
  | { ok: false; missing: boolean; exitCode: number | null; stdout: string };

export interface FocusHost {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  run(command: string, args: readonly string[], timeoutMs?: number): Promise<CommandResult>;
  readText(path: string): Promise<string | null>;
  listDir(path: string): Promise<string[] | null>;
  readLink(path: string): Promise<string | null>;
  /** Where /proc is (Linux); a temp folder in tests. */
  procRoot: string;
  homeDir: string;
  /** Our own process, never counted as another app's window or device. */
  ownPid: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

function runCommand(
  command: string,
  args: readonly string[],
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { timeout: timeoutMs, windowsHide: true, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => {
        if (!error) return resolve({ ok: true, stdout });
        const code = (error as NodeJS.ErrnoException).code;
        resolve({
          ok: false,
          missing: code === 'ENOENT',
          exitCode: typeof code === 'number' ? code : null,
          stdout: stdout ?? '',
        });
      },
    );
  });
}

const orNull = <T>(promise: Promise<T>) => promise.catch(() => null);

export function systemFocusHost(): FocusHost {
  return {
    platform: process.platform,
    env: process.env,
    run: runCommand,
    readText: (path) => orNull(readFile(path, 'utf8')),
    listDir: (path) => orNull(readdir(path)),
    readLink: (path) => orNull(readlink(path)),
    procRoot: '/proc',
    homeDir: homedir(),
    ownPid: process.pid,
  };
}

/** A Linux desktop on Wayland: X11 tools see only XWayland windows there. */
export function isWayland(env: FocusHost['env']): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY ?? '') !== '';
}

/** The numeric folders of /proc: one per process. */
export async function processIds(host: FocusHost): Promise<number[] | null> {
  const entries = await host.listDir(host.procRoot);
  if (entries === null) return null;
  return entries.filter((name) => /^\d+$/.test(name)).map(Number);
}
