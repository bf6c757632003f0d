import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/commands/io';
import { runValidate } from '../../../src/cli/commands/policy';
import { effectiveSettings, parsePolicy } from '../../../src/contract/settings';
import { THERAPY_MAX_MINUTES } from '../../../src/core/therapy/limits';

const fixture = (name: string) => join('tests/fixtures/policy', name);
const read = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8')) as unknown;

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readFile: async (path: string) => readFileSync(path, 'utf8'),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe('policy validation names every problem by its JSON path', () => {
  it.each([
    ['invalid/cap-25.json', ['policy.locked.therapy.capMinutes: therapy is capped at 20 minutes']],
    ['invalid/wrong-version.json', ['policy.version: the policy version must be 1']],
    [
      'invalid/unknown-key.json',
      ['policy.locked.microBreak.evry: unknown key "evry"', 'policy.colour: unknown key "colour"'],
    ],
    [
      'invalid/out-of-range.json',
      [
        'policy.defaults.microBreak.every: every must be from 1m to 4h',
        'policy.defaults.postpone.maxPerBreak:',
        'policy.links[0].url: use a full https:// address',
      ],
    ],
  ])('%s', (name, expected) => {
    const parsed = parsePolicy(read(name));
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    for (const start of expected)
      expect(
        issues.some((i) => i.startsWith(start)),
        start,
      ).toBe(true);
  });

  it('checks organisation content with the content schemas, strictly', () => {
    const parsed = parsePolicy({
      version: 1,
      exercises: [
        {
          id: 'Neck Roll',
          title: 'Neck roll',
          steps: [],
          dose: { kind: 'timed', seconds: 20 },
          target: 'neck',
          breakKinds: ['micro'],
          colour: 'red',
        },
      ],
      checklist: [
        { id: 'desk', question: 'Q?', why: 'W', fix: 'F' },
        { id: 'desk', question: 'Q?', why: 'W', fix: 'F' },
      ],
      links: [{ label: 'Physio', url: 'javascript:alert(1)' }],
    });
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? '' : parsed.issues.join('\n');
    expect(issues).toContain('policy.exercises[0].id:');
    expect(issues).toContain('policy.exercises[0].steps: write at least one step');
    expect(issues).toContain('policy.exercises[0].colour: unknown key "colour"');
    expect(issues).toContain('policy.checklist[1].id: "desk" is used twice');
    expect(issues).toContain('policy.links[0].url:');
  });

  it('lists every file’s problems and exits 1, or 2 when a file cannot be read', async () => {
    const io = captureIo();
    expect(
      await runValidate([fixture('gentle.json'), fixture('invalid/unknown-key.json')], io),
    ).toBe(1);
    expect(io.out).toBe(
      [
        `${fixture('gentle.json')}: valid`,
        `${fixture('invalid/unknown-key.json')}: invalid`,
        '  policy.locked.microBreak.evry: unknown key "evry"',
        '  policy.colour: unknown key "colour"',
        '',
      ].join('\n'),
    );
    const missing = captureIo();
    expect(await runValidate([fixture('invalid/cap-25.json'), fixture('nope.json')], missing)).toBe(
      2,
    );
    expect(missing.err).toMatch(/cannot read .*nope\.json: ENOENT/);
  });
});

describe('the therapy cap in a policy', () => {
  it('refuses a cap of 25 minutes: a policy can never raise it above 20', () => {
    const parsed = parsePolicy({ version: 1, locked: { therapy: { capMinutes: 25 } } });
    expect(parsed).toEqual({
      ok: false,
      issues: [
        `policy.locked.therapy.capMinutes: therapy is capped at ${THERAPY_MAX_MINUTES} minutes; longer sessions can harm the skin`,
      ],
    });
    expect(parsePolicy({ version: 1, defaults: { therapy: { capMinutes: 21 } } }).ok).toBe(false);
  });

  it('lowers the cap to 10, and the default session with it', () => {
    const parsed = parsePolicy(read('therapy-cap-10.json'));
    if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
    const settings = effectiveSettings(undefined, parsed.policy);
    expect(settings.therapy.capMinutes).toBe(10);
    expect(settings.therapy.defaultMinutes).toBe(10);
    // Someone who chose 18 minutes before the policy arrived gets the cap too.
    const chose18 = effectiveSettings({ therapy: { defaultMinutes: 18 } }, parsed.policy);
    expect(chose18.therapy.defaultMinutes).toBe(10);
  });
});
