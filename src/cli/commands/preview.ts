import type { Command } from 'commander';
import { formatDayPlan, planDay } from '../../app/preview';
import {
  effectiveSettings,
  type Policy,
  parsePolicy,
  parseSettingsFile,
  type SettingsFile,
} from '../../contract/settings';
import {
  isValidTimeZone,
  type LocalDate,
  localDateTime,
  systemTimeZone,
} from '../../core/time/zoned';
import { type CliIo, EXIT_BAD_INPUT, processIo, readJson } from './io';

/**
 * `unhunch preview`: the breaks planned for one working day under a settings file
 * and/or a policy, as a table or JSON.
 */
export interface PreviewArgs {
  settings?: string;
  policy?: string;
  /** YYYY-MM-DD; today in the time zone by default. */
  date?: string;
  json?: boolean;
  timezone?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(text: string): LocalDate | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() + 1 === date.month && check.getUTCDate() === date.day ? date : null;
}

export async function runPreview(
  args: PreviewArgs,
  io: CliIo,
  now: () => number = Date.now,
): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`unhunch preview: ${message}\n`);
    return EXIT_BAD_INPUT;
  };
  const zone = args.timezone ?? systemTimeZone();
  if (!isValidTimeZone(zone))
    return fail(`--timezone: "${zone}" is not an IANA time zone (like Europe/Berlin)`);
  const date = args.date === undefined ? localDateTime(now(), zone) : parseDate(args.date);
  if (!date) return fail(`--date: "${args.date}" is not a date; write it as YYYY-MM-DD`);

  let user: SettingsFile | undefined;
  if (args.settings !== undefined) {
    const read = await readJson(io, args.settings, 'settings file');
    if (!read.ok) return fail(read.message);
    const parsed = parseSettingsFile(read.value);
    if (!parsed.ok)
      return fail(
        `the settings file ${args.settings} is invalid:\n  ${parsed.issues.join('\n  ')}`,
      );
    user = parsed.file;
  }
  let policy: Policy | undefined;
  if (args.policy !== undefined) {
    const read = await readJson(io, args.policy, 'policy');
    if (!read.ok) return fail(read.message);
    const parsed = parsePolicy(read.value);
    if (!parsed.ok)
      return fail(`the policy ${args.policy} is invalid:\n  ${parsed.issues.join('\n  ')}`);
    policy = parsed.policy;
  }

  const plan = planDay(
    effectiveSettings(user, policy),
    { year: date.year, month: date.month, day: date.day },
    zone,
  );
  io.stdout(args.json ? `${JSON.stringify(plan, null, 2)}\n` : formatDayPlan(plan));
  return 0;
}

export function registerPreview(program: Command, io: CliIo = processIo()): Command {
  return program
    .command('preview')
    .description('show the breaks planned for one working day under some settings and policy')
    .option('--settings <file>', 'a settings file (JSON, the keys of docs/defaults.md)')
    .option('--policy <file>', 'an organisation policy file (JSON)')
    .option('--date <YYYY-MM-DD>', 'the day to plan; today by default')
    .option('--timezone <zone>', 'IANA time zone for work hours; this machine’s by default')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: PreviewArgs) => {
      process.exitCode = await runPreview(options, io);
    });
}
