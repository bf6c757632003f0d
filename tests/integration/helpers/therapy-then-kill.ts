import { openApp } from '../../../src/app/open';
import { dispatchCall } from '../../../src/contract/dispatch';
import { HOUR, MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

/**
 * The real app over a data folder, to be killed with SIGKILL by
 * tests/integration/therapy-restart.test.ts. Usage: therapy-then-kill.ts MODE DIR START_MS
 *
 * - `start`: starts a 15-minute ice session at START_MS, says "started", and waits to die.
 * - `hammer`: sessions one after another on a fast virtual clock (start, run to the end,
 *   acknowledge, rest), each writing the session file three times, until killed.
 */
const [mode, dir, startArg] = process.argv.slice(2);
if (!dir || !startArg || (mode !== 'start' && mode !== 'hammer')) {
  throw new Error('usage: therapy-then-kill.ts start|hammer DIR START_MS');
}
const clock = new VirtualClock(Number(startArg));
const app = openApp({ dataDir: dir, clock, timeZone: 'Europe/Berlin' });
const call = (name: string, input?: unknown) => dispatchCall(app.handlers, name, input);

async function must(name: string, input?: unknown) {
  const result = (await call(name, input)) as { ok: boolean; value?: { ok: boolean } };
  if (!result.ok || !result.value?.ok) {
    process.stderr.write(`${name} failed: ${JSON.stringify(result)}\n`);
    process.exit(3);
  }
}

if (mode === 'start') {
  await must('startTherapy', { kind: 'ice', minutes: 15 });
  process.stdout.write('started\n');
  // Alive, with the session on, until the test kills it.
  setInterval(() => {}, 60_000);
} else {
  for (let round = 0; ; round++) {
    const kind = round % 2 === 0 ? 'heat' : 'ice';
    await must('startTherapy', { kind, minutes: 1 + (round % 20) });
    clock.advance(20 * MINUTE);
    await must('acknowledgeTherapyEnd');
    clock.advance(2 * HOUR);
    if (round % 5 === 0) process.stdout.write(`wrote ${round}\n`);
  }
}
