import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The built `unhunch` command, run as a user would (needs `npm run build` first). */
function unhunch(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/unhunch.js', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the unhunch command', () => {
  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const result = unhunch('--version');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('explains itself with --help', () => {
    const result = unhunch('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: unhunch');
    expect(result.stdout).toContain('--version');
  });

  it('rejects an unknown command with exit code 2 and says what was wrong', () => {
    const result = unhunch('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command|too many arguments/i);
  });
});
