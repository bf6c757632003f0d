import { rmSync } from 'node:fs';
import type { Page } from 'playwright/test';
import {
  callFromPage,
  expect,
  readHostResources,
  skipWelcome,
  startWebHostProcess,
  test,
  type WebHostProcess,
} from './web-host';

/**
 * Resource hygiene: break windows opened and closed many times leave nothing
 * behind in the web host. The host (out/node/web.js, started with --diagnostics) reports
 * over IPC what it holds: the app's event listeners and armed timers, its open
 * WebSockets, and the process's timers and sockets (Node's active resources).
 */

/**
 * A leak of one listener or timer per window shows after any number of windows, since the
 * counts must come back exactly; 100 catch it in `npm test` at a tenth of the time, and
 * `UNHUNCH_HYGIENE_WINDOWS=1000` runs the full thousand.
 */
const WINDOWS = Number(process.env.UNHUNCH_HYGIENE_WINDOWS ?? 100);
/** Tabs taking turns: each waits on the host and the browser in turn, so two overlap. */
const LANES = 2;

let host: WebHostProcess;

test.beforeEach(async () => {
  host = await startWebHostProcess(['--diagnostics']);
});

test.afterEach(() => {
  host.process.kill();
  rmSync(host.dataDir, { recursive: true, force: true });
});

/** A long break that outlasts the test, taken at whatever time the suite runs. */
async function startLongBreak(page: Page) {
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  await callFromPage(page, 'updateSettings', {
    workHours: null,
    microBreak: { enabled: false },
    longBreak: { duration: '2h' },
  });
  await callFromPage(page, 'takeBreakNow');
  // The open window shows the break, as every window does when one starts.
  await expect(page.getByTestId('break-kind')).toHaveText('Long break');
}

/** Waits until the break is on screen in `page`, counting down. */
async function breakShown(page: Page) {
  const countdown = page.getByRole('region', { name: 'Long break' }).getByTestId('break-time');
  // Generous: on a busy machine a window may take a while to load.
  await expect(countdown).toHaveText(/^\d+:\d\d(:\d\d)?$/, { timeout: 30_000 });
}

async function hostConnections() {
  return (await readHostResources(host)).connections;
}

test(`break windows opened and closed ${WINDOWS} times leave no listener or timer behind`, async ({
  browser,
}) => {
  // CPU-bound in the browser: about 0.25 s a window on a shared 2-CPU machine. Each window
  // still fails on its own within 30 s if it hangs.
  test.setTimeout(900_000);
  const context = await browser.newContext();
  await skipWelcome(context);
  const setup = await context.newPage();
  await startLongBreak(setup);
  await setup.close();
  await expect.poll(hostConnections).toBe(0);
  const before = await readHostResources(host);
  // The break's end is the one timer armed, in the app and in the process; no window listens.
  expect(before.app).toEqual({ eventListeners: 0, timers: 1 });
  expect(before.processTimeouts).toBe(1);

  // The counts see a window: one more listener and one connection while it is open.
  const one = await context.newPage();
  await one.goto(`${host.url}#break`);
  await breakShown(one);
  const whileOpen = await readHostResources(host);
  expect(whileOpen.app.eventListeners).toBe(before.app.eventListeners + 1);
  expect(whileOpen.connections).toBe(1);
  await one.close();
  await expect.poll(hostConnections).toBe(0);

  // Then the rest of the thousand. Each is a new break document in a tab, with its own
  // socket, subscriptions and countdown; leaving it for a blank page ends the document as
  // closing its window does (to the host the two are the same), at half the cost of a tab.
  const started = performance.now();
  let opened = 1;
  const lane = async () => {
    const tab = await context.newPage();
    while (opened < WINDOWS) {
      opened++;
      await tab.goto(`${host.url}#break`, { waitUntil: 'commit' });
      await breakShown(tab);
      await tab.goto('about:blank', { waitUntil: 'commit' });
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  await context.close();

  // The host hears each close a moment after the page is gone; then no socket is left open.
  await expect.poll(hostConnections).toBe(0);
  await expect
    .poll(async () => (await readHostResources(host)).processResources.TCPSocketWrap ?? 0)
    .toBe(0);
  const after = await readHostResources(host);
  test.info().annotations.push({
    type: 'resources',
    description: `${opened} windows in ${seconds} s, ${LANES} tabs; before ${JSON.stringify(before)}; after ${JSON.stringify(after)}`,
  });
  expect(after.app).toEqual(before.app);
  // Exactly the timers of before: the break's end; the host arms none of its own per window.
  expect(after.processTimeouts).toBe(before.processTimeouts);
});

test('a window that sends a frame too big is cut off, and its listener goes with it', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  await expect.poll(hostConnections).toBe(1);
  const before = await readHostResources(host);
  expect(before.app.eventListeners).toBe(1);

  // The host takes frames up to 2 MB; a bigger one is refused with 1009 (message too big).
  const code = await page.evaluate(async () => {
    const socket = new WebSocket(`ws://${location.host}/api${location.search}`);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const closed = new Promise<number>((resolve) =>
      socket.addEventListener('close', (event) => resolve(event.code)),
    );
    socket.send('x'.repeat(3 * 1024 * 1024));
    return closed;
  });
  expect(code).toBe(1009);

  // The host is still up, the page's own connection still works, and nothing is left over.
  await expect.poll(hostConnections).toBe(1);
  expect((await readHostResources(host)).app).toEqual(before.app);
  await expect(callFromPage(page, 'getStatus')).resolves.toBeTruthy();
});
