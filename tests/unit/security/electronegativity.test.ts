import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Doyensec's Electronegativity over the Electron code (scripts/electronegativity.cjs,
 * offline). Our code must leave no finding of medium or higher unexplained; a
 * deliberately unsafe fixture shows the scan finds what it should, here, offline.
 */
interface Report {
  checks: { global: number; atomic: number; leftOut: string[] };
  files: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  findings: { id: string; severity: string; file: string; line: number; blocking: boolean }[];
  exceptions: { file: string; line: number; checks: string[]; reason: string }[];
  failed: boolean;
}

async function scan(...args: string[]): Promise<{ report: Report; code: number }> {
  const run = promisify(execFile);
  try {
    const { stdout } = await run(
      process.execPath,
      ['scripts/electronegativity.cjs', '--json', ...args],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    return { report: JSON.parse(stdout) as Report, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; code?: number };
    if (!failed.stdout) throw error;
    return { report: JSON.parse(failed.stdout) as Report, code: failed.code ?? 1 };
  }
}

describe('the Electronegativity scan', () => {
  it('leaves no finding of medium or higher unexplained in the Electron code', async () => {
    const { report, code } = await scan();
    // It really looked: its checks loaded and our main, preload and renderer files parsed.
    expect(report.checks.atomic).toBeGreaterThan(30);
    expect(report.files).toBeGreaterThan(30);
    expect(report.errors.filter((e) => !e.tolerable)).toEqual([]);
    expect(report.findings.filter((f) => f.blocking)).toEqual([]);
    // Every exception says why, next to the code it excuses.
    for (const exception of report.exceptions) {
      expect(exception.reason, `${exception.file}:${exception.line}`).not.toBe('');
    }
    expect(report.failed).toBe(false);
    expect(code).toBe(0);
  });

  it('fails on an unsafe window, remote content and an exception with no reason', async () => {
    const { report, code } = await scan('--input', 'tests/fixtures/electronegativity/unsafe');
    const found = report.findings.filter((f) => f.blocking).map((f) => f.id);
    expect(found).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
      ]),
    );
    expect(report.exceptions).toEqual([
      expect.objectContaining({ checks: ['OPEN_EXTERNAL_JS_CHECK'], reason: '' }),
    ]);
    expect(report.failed).toBe(true);
    expect(code).toBe(1);
  });
});
