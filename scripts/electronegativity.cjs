#!/usr/bin/env node
/**
 * `npm run scan:electron`: Doyensec's Electronegativity over the code that runs in
 * Electron (src/main, src/preload, the renderer and its index.html), offline.
 *
 * Electronegativity fetches two things from the internet when it starts: translations of
 * its own messages, and Electron's release list for its "available security fixes" check.
 * Neither changes what the scan finds in our code, and this project is built on machines
 * without internet, where the failed fetch retries and crashes the process after the
 * report. So `got` (its HTTP client) is replaced by one that fails at once: its messages
 * stay in its bundled English, and the release check is left out (Electron's currency is
 * kept by `npm run audit` and the dependency updates, see README).
 *
 * Fails (exit 1) on any finding of medium severity or higher, on a file it could not
 * parse, and on an `eng-disable` comment with no reason after it. An exception is
 * explained next to the code it excuses:  // eng-disable CHECK_ID -- why this is safe
 *
 * Usage: node scripts/electronegativity.cjs [--json] [--input <folder>]
 */
const Module = require('node:module');
const { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative, resolve } = require('node:path');

const offlineGot = () => Promise.reject(new Error('offline scan: no network'));
offlineGot.head = offlineGot;
const load = Module._load;
Module._load = function loadOffline(request, ...rest) {
  return request === 'got' ? offlineGot : load.call(this, request, ...rest);
};

const ROOT = resolve(__dirname, '..');
/** What runs in Electron: the main process, the preload, the renderer. */
const SCANNED = ['src/main', 'src/preload', 'renderer/index.html', 'renderer/src', 'package.json'];
/** Needs Electron's release list from the internet; see the header. */
const LEFT_OUT = ['AvailableSecurityFixesGlobalCheck'];
const EXCEPTION =
  /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t]+?)[ \t]*(?:--[ \t]*(.*?))?[ \t]*(?:\*\/|-->)?$/;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every `eng-disable` comment in the scanned files, with its reason (or none). */
function exceptionsIn(dir) {
  const found = [];
  for (const file of filesUnder(dir)) {
    if (!/\.(ts|js|cjs|mjs|html)$/.test(file)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const match = EXCEPTION.exec(line);
        if (!match) return;
        found.push({
          file: relative(dir, file),
          line: index + 1,
          checks: match[1].trim().split(/[\s,]+/),
          reason: (match[2] ?? '').trim(),
        });
      });
  }
  return found;
}

async function scan(input) {
  const run = require('@doyensec/electronegativity');
  const { severity } = require('@doyensec/electronegativity/dist/finder');
  const quiet = console.log;
  console.log = () => {}; // its own progress chatter ("could not retrieve translations")
  let result;
  try {
    result = await run({ input, isRelative: true, excludeFromScan: LEFT_OUT }, false);
  } finally {
    console.log = quiet;
  }
  const atLeastMedium = severity.MEDIUM.value;
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location.line,
    manualReview: issue.manualReview,
    description: issue.description,
    blocking: issue.severity.value >= atLeastMedium,
  }));
  return {
    checks: { global: result.globalChecks, atomic: result.atomicChecks, leftOut: LEFT_OUT },
    files: filesUnder(input).length,
    errors: result.errors.map((e) => ({ ...e, file: relative(input, e.file) })),
    findings,
    exceptions: exceptionsIn(input),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const inputAt = args.indexOf('--input');
  let input;
  let staged = null;
  if (inputAt >= 0) {
    input = resolve(args[inputAt + 1] ?? '.');
  } else {
    staged = mkdtempSync(join(tmpdir(), 'unhunch-scan-'));
    for (const path of SCANNED) cpSync(join(ROOT, path), join(staged, path), { recursive: true });
    input = staged;
  }
  try {
    const report = await scan(input);
    const unexplained = report.exceptions.filter((e) => e.reason === '');
    const failed =
      report.findings.some((f) => f.blocking) ||
      report.errors.some((e) => !e.tolerable) ||
      unexplained.length > 0;
    if (json) {
      process.stdout.write(`${JSON.stringify({ ...report, failed }, null, 2)}\n`);
    } else {
      const { global, atomic } = report.checks;
      process.stdout.write(
        `Electronegativity: ${global + atomic} checks over ${report.files} files (left out, needs the internet: ${LEFT_OUT.join(', ')})\n`,
      );
      for (const f of report.findings)
        process.stdout.write(
          `  ${f.blocking ? 'FAIL' : 'note'} ${f.severity}/${f.confidence} ${f.id} ${f.file}:${f.line} ${f.description}\n`,
        );
      for (const e of report.errors)
        process.stdout.write(
          `  ${e.tolerable ? 'note' : 'FAIL'} could not parse ${e.file}: ${e.message}\n`,
        );
      for (const e of report.exceptions)
        process.stdout.write(
          `  ${e.reason ? 'explained' : 'FAIL unexplained'} ${e.checks.join(', ')} at ${e.file}:${e.line}${e.reason ? ` -- ${e.reason}` : ''}\n`,
        );
      process.stdout.write(
        failed
          ? 'Findings of medium or higher are left unexplained.\n'
          : 'No finding of medium or higher is left unexplained.\n',
      );
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    if (staged) rmSync(staged, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`electronegativity scan failed: ${error.stack ?? error}\n`);
  process.exit(2);
});
