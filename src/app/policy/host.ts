import { execFile, spawnSync } from 'node:child_process';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';

/**
 * What the policy readers need of the machine: the file system and a way to run the
 * platform's own tools (`reg`, `plutil`, PowerShell). Tests pass fakes, so every
 * platform's reader runs anywhere.
 */

/** The parts of `fs.Stats` the trust check reads. */
export interface FileFacts {
  uid: number;
  gid: number;
  mode: number;
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
}

export interface PolicyFs {
  /** Not following a final symbolic link: the trust check follows links itself. */
  lstat(path: string): Promise<FileFacts>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
}

export interface CommandResult {
  /** null when the program could not be started or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export type RunCommand = (file: string, args: readonly string[]) => Promise<CommandResult>;

export const nodePolicyFs: PolicyFs = {
  lstat: (path) => lstat(path),
  realpath: (path) => realpath(path),
  readFile: (path) => readFile(path, 'utf8'),
  readdir: (path) => readdir(path),
};

/** Runs a program without a shell, so no argument is ever interpreted. */
export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { encoding: 'utf8', windowsHide: true, timeout: 15_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr: stderr || (error && code === null ? error.message : '') });
      },
    );
  });

/** The same, synchronously: for the few registry values read once at start on Windows. */
export const runCommandSync = (file: string, args: readonly string[]) => {
  const result = spawnSync(file, [...args], {
    encoding: 'utf8',
    windowsHide: true,
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout ?? '' };
};

/** ENOENT and ENOTDIR: nothing there, which is not a problem for a policy location. */
export function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
