import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/** `unhunch policy …` run as an administrator would (needs `npm run build` first). */
function unhunch(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/unhunch.js', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => join('tests/fixtures/policy', name);
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-cli-policy-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('unhunch policy validate', () => {
  it('says each example policy is valid and exits 0', () => {
    const files = ['strict-office.json', 'gentle.json', 'therapy-cap-10.json'].map(fixture);
    const result = unhunch('policy', 'validate', ...files);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(files.map((f) => `${f}: valid\n`).join(''));
  });

  it('lists every problem by JSON path and exits 1, without a stack trace', () => {
    const result = unhunch(
      'policy',
      'validate',
      fixture('invalid/out-of-range.json'),
      fixture('invalid/cap-25.json'),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${fixture('invalid/out-of-range.json')}: invalid`);
    expect(result.stdout).toContain(
      '  policy.defaults.microBreak.every: every must be from 1m to 4h',
    );
    expect(result.stdout).toContain('  policy.links[0].url: use a full https:// address');
    expect(result.stdout).toContain(
      '  policy.locked.therapy.capMinutes: therapy is capped at 20 minutes',
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('refuses a rest between heat or ice sessions under the 20-minute floor, saying why', () => {
    const file = join(scratch(), 'short-rest.json');
    writeFileSync(file, JSON.stringify({ version: 1, locked: { therapy: { restBetween: '0s' } } }));
    const result = unhunch('policy', 'validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  policy.locked.therapy.restBetween: the rest between heat or ice sessions is at least 20m: the skin needs at least as long as a session',
    );
  });

  it('reports a file that is not JSON as invalid, with where the parser stopped', () => {
    const file = join(scratch(), 'policy.json');
    writeFileSync(file, '{ "version": 1, "locked": { "strictMode": true }\n');
    const result = unhunch('policy', 'validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not valid JSON: .*line 2/);
  });

  it('exits 2 for a file it cannot read, and for no file at all', () => {
    const missing = unhunch('policy', 'validate', fixture('no-such-policy.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read tests/fixtures/policy/no-such-policy.json');
    const none = unhunch('policy', 'validate');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'files'");
  });
});

describe('unhunch policy explain', () => {
  it('shows what a policy locks and sets against Unhunch’s defaults', () => {
    const result = unhunch('policy', 'explain', fixture('strict-office.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/postpone\.maxPerBreak\s+2\s+—\s+1\s+1\s+locked/);
    expect(result.stdout).toMatch(/longBreak\.duration\s+5m\s+5m\s+—\s+5m\s+may change/);
    expect(result.stdout).toContain('exercise desk-chin-tuck: Chin tuck at the desk');
    expect(result.stdout).toContain(`unhunch preview --policy ${fixture('strict-office.json')}`);
  });

  it('explains that a lowered cap lowers the default session too', () => {
    const result = unhunch('policy', 'explain', fixture('therapy-cap-10.json'), '--json');
    expect(result.code).toBe(0);
    const explanation = JSON.parse(result.stdout) as {
      settings: { path: string; inForce: unknown; canChange: boolean }[];
    };
    expect(explanation.settings).toEqual([
      expect.objectContaining({ path: 'therapy.defaultMinutes', inForce: 10, canChange: true }),
      expect.objectContaining({ path: 'therapy.capMinutes', inForce: 10, canChange: false }),
    ]);
  });

  it('refuses an invalid policy with its problems', () => {
    const result = unhunch('policy', 'explain', fixture('invalid/wrong-version.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('policy.version: the policy version must be 1');
  });
});

describe('unhunch policy schema, admx and mobileconfig', () => {
  it('prints the JSON Schema committed as docs/policy.schema.json', () => {
    const result = unhunch('policy', 'schema');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      JSON.parse(readFileSync('docs/policy.schema.json', 'utf8')),
    );
  });

  it('writes the ADMX and its en-US ADML', () => {
    const out = scratch();
    const result = unhunch('policy', 'admx', '--out', out);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'unhunch.admx'))).toBe(true);
    expect(readFileSync(join(out, 'en-US', 'unhunch.adml'), 'utf8')).toContain(
      '<policyDefinitionResources',
    );
  });

  it('makes a configuration profile from a policy file', () => {
    const out = join(scratch(), 'unhunch.mobileconfig');
    const result = unhunch(
      'policy',
      'mobileconfig',
      fixture('gentle.json'),
      '--out',
      out,
      '--organization',
      'Example Ltd',
    );
    expect(result.code).toBe(0);
    const profile = readFileSync(out, 'utf8');
    expect(profile).toContain('<string>org.unhunch.app</string>');
    expect(profile).toContain('<string>Example Ltd</string>');
  });
});

describe('unhunch policy show and preview --policy', () => {
  it('says where it looked on this machine', () => {
    const result = unhunch('policy', 'show', '--json');
    const shown = JSON.parse(result.stdout) as {
      sources: { where: string; state: string }[];
      invalid: boolean;
      refused: boolean;
    };
    expect(result.code).toBe(shown.invalid || shown.refused ? 1 : 0);
    const places = shown.sources.map((s) => s.where).join('\n');
    if (process.platform === 'linux') expect(places).toContain('/etc/unhunch/policy');
    if (process.platform === 'darwin') expect(places).toContain('/Library/Managed Preferences/');
    if (process.platform === 'win32') expect(places).toContain('HKLM\\SOFTWARE\\Policies\\Unhunch');
  });

  it('previews the working day an example policy plans', () => {
    const result = unhunch(
      'preview',
      '--policy',
      fixture('strict-office.json'),
      '--date',
      '2026-11-23',
      '--timezone',
      'Europe/Berlin',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('work hours 08:00–17:00');
    expect(result.stdout).toMatch(/^08:20 {2}micro/m);
  });
});
