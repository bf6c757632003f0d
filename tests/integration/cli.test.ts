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

describe('unhunch content', () => {
  it('prints every catalogue with a source on every item', () => {
    const result = unhunch('content', '--json');
    expect(result.code).toBe(0);
    const catalogue = JSON.parse(result.stdout) as Record<string, { source?: string }[]>;
    for (const key of ['exercises', 'checklist', 'redFlags', 'breathing', 'therapySafety']) {
      expect(catalogue[key]?.length, key).toBeGreaterThan(0);
    }
    expect(catalogue.exercises!.length).toBeGreaterThanOrEqual(24);
    expect(catalogue.checklist!.length).toBeGreaterThanOrEqual(12);
    for (const key of ['exercises', 'checklist', 'breathing', 'therapySafety']) {
      for (const item of catalogue[key]!) expect(item.source, `${key} item`).toMatch(/\w/);
    }
    expect(result.stdout).not.toMatch(/"[a-z]+\.[a-zA-Z.-]+\.(title|question|name)"/);
  });
});
