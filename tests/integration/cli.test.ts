import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('unhunch stats', () => {
  it('prints the statistics from a history with an impossible time in one line, and says it skipped it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unhunch-cli-stats-'));
    try {
      const now = Date.now();
      writeFileSync(
        join(dir, 'history.jsonl'),
        [
          { at: now - 60_000, type: 'break-taken', kind: 'micro' },
          { at: 1e308, type: 'break-taken', kind: 'micro' },
        ]
          .map((r) => `${JSON.stringify(r)}\n`)
          .join(''),
      );
      const result = unhunch('stats', '--data', dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // A minute ago is in the last 7 days whatever the time now (today, just after midnight, may be 0).
      expect(result.stdout).toMatch(/^breaks due\s+[01]\s+1\s+1$/m);
      expect(result.stdout).toContain('1 line of the history could not be read');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
