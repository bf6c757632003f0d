/**
 * `npm run bench` (statistics part), written to bench/results/stats.json:
 * - app start and `getStats` with a 100 MB history (generated in a temporary folder);
 * - the time to aggregate 100,000 history events (the statistics of a very heavy year),
 *   from records in memory and from the file on disk;
 * - the history file's size after a month of typical use, recorded by the real app on
 *   a virtual clock: 20 working days, most breaks taken, some postponed or skipped,
 *   lunch away from the desk, a heat or ice session most days, a weekly checklist.
 */
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHistoryFile } from '../src/app/history-file';
import { openApp } from '../src/app/open';
import { dispatchCall } from '../src/contract/dispatch';
import { computeStats } from '../src/core/stats/aggregate';
import { VirtualClock } from '../src/core/time/virtual-clock';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'stats.json');
const ZONE = 'Europe/Berlin';
const DAY = 86_400_000;
const MINUTE = 60_000;

/** A small deterministic generator, so every run measures the same month. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function aggregation() {
  const now = Date.parse('2026-11-27T15:00:00+01:00');
  const rand = random(8);
  const types = [
    'break-due',
    'break-taken',
    'break-taken',
    'break-skipped',
    'break-postponed',
    'natural-break',
  ];
  const records = Array.from({ length: 100_000 }, (_, i) => ({
    at: now - 365 * DAY + Math.floor((i * 365 * DAY) / 100_000),
    type: types[Math.floor(rand() * types.length)]!,
    kind: rand() < 0.8 ? 'micro' : 'long',
  }));
  const inMemory = Array.from({ length: 5 }, () => {
    const began = performance.now();
    computeStats(records, { now, timeZone: ZONE, days: 366 });
    return performance.now() - began;
  });
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-bench-'));
  const path = join(dir, 'history.jsonl');
  writeFileSync(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const fromFile = Array.from({ length: 5 }, () => {
    const began = performance.now();
    computeStats(createHistoryFile(path).read(), { now, timeZone: ZONE, days: 30 });
    return performance.now() - began;
  });
  const fileBytes = statSync(path).size;
  rmSync(dir, { recursive: true, force: true });
  return { inMemoryMs: median(inMemory), fromFileMs: median(fromFile), fileBytes };
}

function typicalMonth() {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-bench-month-'));
  const start = Date.parse('2026-11-02T00:00:00+01:00'); // a Monday
  const clock = new VirtualClock(start);
  const rand = random(2026);
  let awaySince: number | null = null;
  const app = openApp({
    dataDir: dir,
    clock,
    timeZone: ZONE,
    idle: () => (awaySince === null ? 0 : Math.floor((clock.now() - awaySince) / 1000)),
  });
  let handled: number | null = null;
  let therapyToday = -1;
  let checklistWeek = -1;
  for (let minute = 0; minute < 28 * 24 * 60; minute++) {
    clock.advance(MINUTE);
    const local = new Date(clock.now() + MINUTE * 60); // Berlin in winter is UTC+1
    const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
    const day = Math.floor((clock.now() - start) / DAY);
    const weekday = local.getUTCDay();
    // Lunch away from the desk; back at 13:15.
    if (hour >= 12.5 && hour < 13.25) awaySince ??= clock.now();
    else awaySince = null;
    const status = app.status();
    if (status.currentBreak && handled !== status.currentBreak.startedAt) {
      handled = status.currentBreak.startedAt;
      const choice = rand();
      if (choice < 0.1) app.timer.postponeBreak();
      else if (choice < 0.2) app.timer.skipBreak();
    }
    if (weekday >= 1 && weekday <= 5 && hour >= 15 && therapyToday !== day && rand() < 0.7) {
      therapyToday = day;
      app.timer.startTherapy({ kind: rand() < 0.5 ? 'heat' : 'ice', minutes: 15 });
    }
    if (weekday === 1 && hour >= 10.5 && checklistWeek !== Math.floor(day / 7)) {
      checklistWeek = Math.floor(day / 7);
      app.context.history.append({
        at: clock.now(),
        type: 'checklist-result',
        answers: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`item-${i}`, 'yes'])),
        score: { yes: 14, no: 2, notApplicable: 0, percent: 88 },
      });
    }
  }
  const records = createHistoryFile(join(dir, 'history.jsonl')).read();
  const bytes = statSync(join(dir, 'history.jsonl')).size;
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
  const byType: Record<string, number> = {};
  for (const record of records) byType[record.type] = (byType[record.type] ?? 0) + 1;
  return { bytes, records: records.length, byType };
}

/**
 * A 100 MB history (written in a temporary folder, removed after): how long the app
 * takes to start on it, how long until the whole file is read in the background, the
 * longest the main thread was held meanwhile, and then how long `getStats` takes.
 */
async function hundredMegabytes() {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-bench-100mb-'));
  const path = join(dir, 'history.jsonl');
  const now = Date.parse('2026-11-27T15:00:00+01:00');
  const rand = random(100);
  const kinds = ['break-due', 'break-taken', 'break-taken', 'break-postponed', 'natural-break'];
  const target = 100 * 1024 * 1024;
  const out = createWriteStream(path);
  let written = 0;
  let lines = 0;
  // Ten years back to now, evenly: the last year is what compaction keeps.
  const span = 3650 * DAY;
  while (written < target) {
    const at = now - span + Math.floor((written / target) * span);
    const line = `${JSON.stringify({
      at: Math.min(at, now - MINUTE),
      type: kinds[Math.floor(rand() * kinds.length)],
      kind: rand() < 0.8 ? 'micro' : 'long',
      durationSeconds: 30,
    })}\n`;
    written += line.length;
    lines++;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const bytes = statSync(path).size;

  // The longest the event loop waited while the app started and read the file.
  let longestStallMs = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const at = performance.now();
    longestStallMs = Math.max(longestStallMs, at - last - 5);
    last = at;
  }, 5);
  const clock = new VirtualClock(now);
  const began = performance.now();
  // Compaction would rewrite the file: keep ten years so the read alone is measured.
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({ settings: { history: { keepDays: 3650 } } }),
  );
  const app = openApp({ dataDir: dir, clock, timeZone: ZONE });
  const startMs = performance.now() - began;
  await app.context.history.whenLoaded();
  const loadedMs = performance.now() - began;
  clearInterval(probe);
  const getStats = [];
  for (let run = 0; run < 5; run++) {
    const at = performance.now();
    const reply = await dispatchCall(app.handlers, 'getStats', { days: 30 });
    if (!reply.ok) throw new Error(`getStats failed: ${reply.error}`);
    getStats.push(performance.now() - at);
  }
  const rss = process.memoryUsage().rss;
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
  return {
    bytes,
    lines,
    startMs,
    loadedMs,
    longestStallMs,
    getStatsMs: median(getStats),
    rssMb: Math.round(rss / 1024 / 1024),
  };
}

const aggregate = aggregation();
const month = typicalMonth();
const big = await hundredMegabytes();
const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  aggregate100kEventsMs: {
    value: Math.round(aggregate.inMemoryMs),
    unit: 'ms to compute every figure of the statistics page from 100,000 events (median of 5)',
  },
  readAndAggregate100kEventsMs: {
    value: Math.round(aggregate.fromFileMs),
    unit: `ms to read and parse the ${Math.round(aggregate.fileBytes / 1024)} KB history file of 100,000 events and aggregate it (median of 5)`,
  },
  historyBytesPerMonth: {
    value: month.bytes,
    records: month.records,
    byType: month.byType,
    unit: 'bytes of history.jsonl after 4 weeks of typical use (20 working days), recorded by the real app',
  },
  startWith100MbHistoryMs: {
    value: Math.round(big.startMs),
    budget: 1000,
    met: big.startMs < 1000,
    unit: `ms for openApp on a ${Math.round(big.bytes / 1024 / 1024)} MB history of ${big.lines} lines (the file is then read in the background)`,
  },
  read100MbHistoryInBackgroundMs: {
    value: Math.round(big.loadedMs),
    longestMainThreadStallMs: Math.round(big.longestStallMs),
    rssMb: big.rssMb,
    unit: 'ms from openApp until the whole 100 MB file is read and counted, streamed; the longest the event loop was held from openApp on (openApp itself included); resident MB after',
  },
  getStatsWith100MbHistoryMs: {
    value: Math.round(big.getStatsMs * 10) / 10,
    budget: 50,
    met: big.getStatsMs < 50,
    unit: 'ms for the getStats call (30 days) once the 100 MB history is read (median of 5)',
  },
  historyBytesPerYear: {
    value: Math.round((month.bytes * 365) / 28),
    unit: 'bytes, the month above scaled to the default year kept (history.keepDays 365)',
  },
};
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(`info  aggregate 100k events   ${results.aggregate100kEventsMs.value} ms`);
console.log(`info  read + aggregate 100k   ${results.readAndAggregate100kEventsMs.value} ms`);
console.log(`info  history per month       ${month.bytes} bytes, ${month.records} records`);
console.log(
  `info  start, 100 MB history   ${results.startWith100MbHistoryMs.value} ms (budget 1000)`,
);
console.log(
  `info  read 100 MB (background) ${results.read100MbHistoryInBackgroundMs.value} ms, longest stall ${big.longestStallMs.toFixed(0)} ms`,
);
console.log(
  `info  getStats, 100 MB history ${results.getStatsWith100MbHistoryMs.value} ms (budget 50)`,
);
console.log(`wrote ${RESULTS}`);
