#!/usr/bin/env node
/**
 * `npm run audit`: `npm audit --omit=dev` must report no high or critical advisory in
 * what ships (the runtime dependencies). Exit 1 when it does, naming each package.
 *
 * When the registry's advisory service cannot be reached (offline, or a mirror that
 * refuses it), the audit has not happened: this says so plainly and exits 2, or 0 with
 * `--unreachable-ok` (CI on machines whose registry mirror has no advisory service), so
 * a skipped audit is never mistaken for a clean one.
 */
import { spawnSync } from 'node:child_process';

const unreachableOk = process.argv.includes('--unreachable-ok');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = { error: { summary: (run.stderr || run.stdout || 'no output').trim() } };
}

if (report.error || !report.metadata) {
  const why = report.message || report.error?.summary || 'unexpected answer';
  process.stdout.write(
    `npm audit: NOT CHECKED, the advisory service could not be reached (${why.split('\n')[0]}).\n`,
  );
  process.exit(unreachableOk ? 0 : 2);
}

const { vulnerabilities: counts } = report.metadata;
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) =>
  ['high', 'critical'].includes(v.severity),
);
process.stdout.write(
  `npm audit --omit=dev: ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low.\n`,
);
for (const [name, v] of serious) {
  process.stdout.write(
    `  ${v.severity}: ${name} ${v.range}${v.fixAvailable ? ' (a fix is available)' : ''}\n`,
  );
}
process.exit(serious.length > 0 ? 1 : 0);
