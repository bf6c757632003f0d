import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileFacts, PolicyFs } from '../../../src/app/policy/host';
import { nodePolicyFs } from '../../../src/app/policy/host';

/**
 * A temporary folder standing for `/`: the tests run as root, so files written here
 * are root's, as an administrator's would be.
 */
export function fakeRoot(created: string[]): {
  root: string;
  write(path: string, content: unknown): string;
} {
  const root = mkdtempSync(join(tmpdir(), 'unhunch-policy-'));
  chmodSync(root, 0o755);
  created.push(root);
  return {
    root,
    write(path, content) {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content), {
        mode: 0o644,
      });
      chmodSync(file, 0o644);
      return file;
    },
  };
}

export function removeAll(created: string[]): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The real file system, where the user running the tests counts as root: a no-op in
 * CI, which runs as root, and lets the suite run as an ordinary user too.
 */
export const adminFs: PolicyFs = {
  ...nodePolicyFs,
  async lstat(p) {
    const facts = await nodePolicyFs.lstat(p);
    const me = process.getuid?.() ?? 0;
    const myGroup = process.getgid?.() ?? 0;
    return {
      uid: facts.uid === me ? 0 : facts.uid,
      gid: facts.gid === myGroup ? 0 : facts.gid,
      mode: facts.mode,
      isSymbolicLink: () => facts.isSymbolicLink(),
      isDirectory: () => facts.isDirectory(),
    };
  },
};

/** `adminFs`, but `path` looks owned by someone else. */
export function fsWithOwner(path: string, uid: number, gid = uid): PolicyFs {
  return {
    ...adminFs,
    async lstat(p) {
      const facts = await adminFs.lstat(p);
      if (p !== path) return facts;
      return {
        uid,
        gid,
        mode: facts.mode,
        isSymbolicLink: () => facts.isSymbolicLink(),
        isDirectory: () => facts.isDirectory(),
      } satisfies FileFacts;
    },
  };
}
