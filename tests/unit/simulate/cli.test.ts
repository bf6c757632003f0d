import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerPreview, runPreview } from '../../../src/cli/commands/preview';
import { registerSimulate, runSimulate } from '../../../src/cli/commands/simulate';

/** A fake world for a command: files by name, and what it printed. */
function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readFile: async (path: string) => {
        const text = files[path];
        if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
        return text;
      },
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
    },
  };
}

const scenario = JSON.stringify({ start: '2026-11-24T10:00:00+01:00', duration: '25m' });

afterEach(() => {
  process.exitCode = undefined;
});

describe('unhunch simulate', () => {
  it('prints the JSON timeline of a scenario read from standard input', async () => {
    const { io, out, err } = fakeIo({ '-': scenario });
    expect(await runSimulate({ file: '-' }, io)).toBe(0);
    expect(err).toEqual([]);
    const printed = JSON.parse(out.join(''));
    expect(printed.events.map((e: { type: string }) => e.type)).toEqual([
      'break-warning',
      'break-start',
      'break-end',
    ]);
    expect(printed.summary).toMatchObject({ breaksTaken: 1 });
  });

  it('a file that is not JSON exits 2 and says so', async () => {
    const { io, out, err } = fakeIo({ 'bad.json': '{ nope' });
    expect(await runSimulate({ file: 'bad.json' }, io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/the scenario bad\.json is not valid JSON/);
  });

  it('a missing file exits 2', async () => {
    const { io, err } = fakeIo();
    expect(await runSimulate({ file: 'gone.json' }, io)).toBe(2);
    expect(err.join('')).toMatch(/cannot read the scenario gone\.json/);
  });

  it('registers as a command that sets the exit code', async () => {
    const { io, out } = fakeIo({ 'day.json': scenario });
    const program = new Command('unhunch').exitOverride();
    registerSimulate(program, io);
    await program.parseAsync(['simulate', 'day.json'], { from: 'user' });
    expect(process.exitCode).toBe(0);
    expect(out.join('')).toMatch(/"events"/);
  });
});

describe('unhunch preview', () => {
  it('prints the breaks of a working day as a table', async () => {
    const { io, out } = fakeIo();
    expect(await runPreview({ date: '2026-11-24', timezone: 'Europe/Berlin' }, io)).toBe(0);
    const table = out.join('');
    expect(table).toMatch(
      /^Breaks planned for Tuesday 2026-11-24 \(Europe\/Berlin\), work hours 09:00–17:30/,
    );
    expect(table).toMatch(/^09:20 {2}micro {2}30s$/m);
    expect(table).toMatch(/^10:00 {2}long {3}5m$/m);
    expect(table).toMatch(/23 breaks: 16 micro, 7 long, 43m in all\./);
  });

  it('prints JSON with --json, under a settings file and a policy', async () => {
    const { io, out } = fakeIo({
      'me.json': JSON.stringify({
        microBreak: { every: '30m' },
        workHours: { from: '08:00', to: '12:00' },
      }),
      'org.json': JSON.stringify({ version: 1, locked: { longBreak: { enabled: false } } }),
    });
    const code = await runPreview(
      {
        date: '2026-11-23',
        timezone: 'Europe/Berlin',
        settings: 'me.json',
        policy: 'org.json',
        json: true,
      },
      io,
    );
    expect(code).toBe(0);
    const plan = JSON.parse(out.join(''));
    expect(plan.breaks.map((b: { time: string }) => b.time)).toEqual([
      '08:30',
      '09:00',
      '09:31',
      '10:01',
      '10:32',
      '11:02',
      '11:33',
    ]);
    expect(plan.totals).toMatchObject({ long: 0 });
    expect(plan.routines).toEqual([
      { at: '2026-11-23T10:00:00+01:00', time: '10:00', id: 'checklist-recheck' },
    ]);
  });

  it('shows the sit-stand prompts when the rhythm is on', async () => {
    const { io, out } = fakeIo({
      'me.json': JSON.stringify({
        sitStand: { enabled: true },
        workHours: { from: '09:00', to: '10:00' },
      }),
    });
    await runPreview(
      { date: '2026-11-24', timezone: 'Europe/Berlin', settings: 'me.json', json: true },
      io,
    );
    const plan = JSON.parse(out.join(''));
    // The micro break at 09:20 comes first; the prompt to stand waits for its end.
    expect(plan.posture.map((p: { time: string; to: string }) => `${p.time} ${p.to}`)).toEqual([
      '09:20 stand',
      '09:28 move',
      '09:30 sit',
      '09:50 stand',
      '09:58 move',
    ]);
    const text = fakeIo({ 'me.json': JSON.stringify({ sitStand: { enabled: true } }) });
    await runPreview(
      { date: '2026-11-24', timezone: 'Europe/Berlin', settings: 'me.json' },
      text.io,
    );
    expect(text.out.join('')).toMatch(/^Sit-stand prompts \(\d+\):\n09:20 stand {2}09:28 move/m);
  });

  it('says so on a day off', async () => {
    const { io, out } = fakeIo();
    await runPreview({ date: '2026-11-29', timezone: 'Europe/Berlin' }, io);
    expect(out.join('')).toMatch(/Sunday 2026-11-29 .* is not a work day/);
  });

  it('a bad settings file exits 2 naming the JSON path', async () => {
    const { io, out, err } = fakeIo({
      'me.json': JSON.stringify({ microBreak: { every: 'often' } }),
    });
    expect(await runPreview({ date: '2026-11-24', settings: 'me.json' }, io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/settings\.microBreak\.every: "often" is not a duration/);
  });

  it('a bad date or zone exits 2', async () => {
    expect(await runPreview({ date: '2026-02-30' }, fakeIo().io)).toBe(2);
    expect(await runPreview({ timezone: 'Nowhere/Land' }, fakeIo().io)).toBe(2);
  });

  it('registers its options with commander', async () => {
    const { io, out } = fakeIo();
    const program = new Command('unhunch').exitOverride();
    registerPreview(program, io);
    await program.parseAsync(['preview', '--date', '2026-11-24', '--timezone', 'UTC', '--json'], {
      from: 'user',
    });
    expect(process.exitCode).toBe(0);
    expect(JSON.parse(out.join('')).timeZone).toBe('UTC');
  });
});
