import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import type { Command } from 'commander';
import { readHistoryLine } from '../../app/history/line';
import { createHistoryFile } from '../../app/history-file';
import type { HistoryRecord } from '../../app/ports';
import { MAX_STATS_DAYS } from '../../contract/calls/stats';
import { createStatsAccumulator, type PeriodStats } from '../../core/stats/aggregate';
import { statsCsv } from '../../core/stats/csv';
import { isValidTimeZone, systemTimeZone } from '../../core/time/zoned';
import { isCheckinTrendRecord, weeklyPainTrend } from './checkin-trend';
import { type CliIo, EXIT_BAD_INPUT, processIo } from './io';

/**
 * `unhunch stats`: the statistics page for people who live in a terminal, read from
 * the history in the user's data folder. It only reads; nothing is written or sent.
 */
export interface StatsArgs {
  days?: string;
  csv?: boolean;
  data?: string;
  timezone?: string;
}

/**
 * Where the Electron app keeps its data (`app.getPath('userData')` for productName
 * Unhunch): ~/.config/Unhunch on Linux (or $XDG_CONFIG_HOME), ~/Library/Application
 * Support/Unhunch on macOS, %APPDATA%\Unhunch on Windows. UNHUNCH_USER_DATA, which the
 * app also obeys, wins.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string {
  if (env.UNHUNCH_USER_DATA) return env.UNHUNCH_USER_DATA;
  if (platform === 'win32') {
    return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), 'Unhunch');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Unhunch');
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), 'Unhunch');
}

const DEFAULT_DAYS = 30;

function table(columns: { title: string; period: PeriodStats }[]): string {
  const percent = (value: number | null) => (value === null ? '–' : `${value}%`);
  const rows: [string, (p: PeriodStats) => string][] = [
    ['breaks due', (p) => String(p.due)],
    ['taken', (p) => String(p.taken)],
    ['natural', (p) => String(p.natural)],
    ['skipped', (p) => String(p.skipped)],
    ['postponed', (p) => String(p.postponed)],
    ['breaks kept', (p) => percent(p.compliancePercent)],
    ['heat (min)', (p) => String(p.heatMinutes)],
    ['ice (min)', (p) => String(p.iceMinutes)],
    ['checklist score', (p) => percent(p.checklistPercent)],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const widths = columns.map(({ title, period }) =>
    Math.max(title.length, ...rows.map(([, value]) => value(period).length)),
  );
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(labelWidth)}  ${cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ')}`.trimEnd();
  return [
    line(
      '',
      columns.map((c) => c.title),
    ),
    ...rows.map(([label, value]) =>
      line(
        label,
        columns.map((c) => value(c.period)),
      ),
    ),
  ].join('\n');
}

export async function runStats(
  args: StatsArgs,
  io: CliIo,
  environment: {
    now: () => number;
    platform: NodeJS.Platform;
    env: NodeJS.ProcessEnv;
    home: string;
  } = {
    now: Date.now,
    platform: process.platform,
    env: process.env,
    home: homedir(),
  },
): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`unhunch stats: ${message}\n`);
    return EXIT_BAD_INPUT;
  };
  const days = args.days === undefined ? DEFAULT_DAYS : Number(args.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_STATS_DAYS) {
    return fail(`--days must be a whole number from 1 to ${MAX_STATS_DAYS}, got "${args.days}"`);
  }
  const timeZone = args.timezone ?? systemTimeZone();
  if (!isValidTimeZone(timeZone)) return fail(`"${timeZone}" is not an IANA time zone`);
  const dataDir =
    args.data ?? defaultDataDir(environment.platform, environment.env, environment.home);
  if (!existsSync(dataDir)) {
    return fail(`there is no Unhunch data folder at ${dataDir}; name one with --data DIR`);
  }
  const path = join(dataDir, 'history.jsonl');
  // Streamed line by line into day counts: a history of any size in little memory.
  let skipped = 0;
  let records = 0;
  const counts = createStatsAccumulator(timeZone);
  const checkins: HistoryRecord[] = [];
  try {
    const file = createHistoryFile(path);
    await file.scan!((line) => {
      const record = readHistoryLine(line);
      if (record === 'blank') return;
      if (record === null) skipped++;
      else {
        records++;
        counts.add(record);
        if (isCheckinTrendRecord(record)) checkins.push(record);
      }
    }, file.size!());
  } catch (error) {
    return fail(`cannot read the history ${path}: ${(error as Error).message}`);
  }
  const report = counts.report({ now: environment.now(), days });
  const skippedNote =
    skipped > 0
      ? `${skipped} line${skipped === 1 ? '' : 's'} of the history could not be read and ${skipped === 1 ? 'was' : 'were'} left out.`
      : '';

  if (args.csv) {
    io.stdout(statsCsv(report));
    // The CSV stays clean for a spreadsheet; the note goes to stderr.
    if (skippedNote) io.stderr(`unhunch stats: ${skippedNote}\n`);
    return 0;
  }
  const columns = [
    { title: 'today', period: report.today },
    { title: 'last 7 days', period: report.last7 },
    { title: 'last 30 days', period: report.last30 },
  ];
  if (![1, 7, 30].includes(days))
    columns.push({ title: `last ${days} days`, period: report.period });
  const { streak } = report;
  io.stdout(
    [
      `Unhunch statistics from ${path} (${timeZone})`,
      records === 0 ? 'Nothing recorded yet.' : '',
      table(columns),
      '',
      `Streak: ${streak.current} day${streak.current === 1 ? '' : 's'} in a row (longest ${streak.longest}).`,
      `A day counts when at least ${streak.goalPercent}% of the breaks due were taken or natural; days with none due do not end a streak.`,
      'Breaks kept = (taken + natural) / breaks due; a postponed break counts once, when it is settled.',
      skippedNote,
      weeklyPainTrend(counts, checkins, { now: environment.now(), days }),
    ]
      .filter((line, index) => line !== '' || index === 3)
      .join('\n')
      .concat('\n'),
  );
  return 0;
}

export function registerStats(program: Command, io: CliIo = processIo()): Command {
  return program
    .command('stats')
    .description('print your break statistics from the history on this computer')
    .option('--days <n>', `the period for --csv and an extra column, 1 to ${MAX_STATS_DAYS}`)
    .option('--csv', 'print one CSV row a day of the period instead of the summary')
    .option('--data <dir>', 'the Unhunch data folder (default: where the app keeps it)')
    .option('--timezone <tz>', 'IANA time zone for days (default: this computer’s)')
    .action(async (options: StatsArgs) => {
      process.exitCode = await runStats(options, io);
    });
}
