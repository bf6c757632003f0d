import type { App } from 'electron';
import type { UnhunchApp } from '../app/app';
import { readLaunch } from '../app/command-line';
import type { Logger } from '../app/ports';

/**
 * One Unhunch per person: a second launch hands its command line to the running one
 * and quits. The running one acts on it as it acts on its own first launch: `--open`
 * shows the window, `--pause[=MINUTES]` pauses, `--resume` resumes. Arguments are
 * untrusted input: one of ours with a value it cannot take (`--pause=abc`) is refused
 * and logged by name; any other argument belongs to Electron or Chromium and is left
 * alone. Neither changes anything.
 */

/** What this needs of Electron's `app`. */
export type LaunchingApp = Pick<App, 'requestSingleInstanceLock' | 'quit'> & {
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string, data: unknown) => void,
  ): unknown;
  off(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string, data: unknown) => void,
  ): unknown;
};

/**
 * Takes the single-instance lock, handing `args` (this launch's own arguments) to the
 * instance that holds it. False when another Unhunch runs: this one quits.
 */
export function holdSingleInstance(electronApp: LaunchingApp, args: readonly string[]): boolean {
  if (electronApp.requestSingleInstanceLock({ argv: [...args] })) return true;
  electronApp.quit();
  return false;
}

/** A refused argument is named in the log, shortened and quoted: it is untrusted text. */
const SHOWN_CHARS = 40;
const NAMED_AT_MOST = 5;

function quoted(arg: string): string {
  const shown = arg.length > SHOWN_CHARS ? `${arg.slice(0, SHOWN_CHARS)}…` : arg;
  return JSON.stringify(shown);
}

/** The second instance's own arguments when it sent them as lock data, else Electron's argv. */
function argvOf(argv: readonly string[], data: unknown): readonly string[] {
  const sent = (data as { argv?: unknown } | null)?.argv;
  return Array.isArray(sent) && sent.every((arg) => typeof arg === 'string') ? sent : argv;
}

/**
 * Acts on this launch's `argv` now and on every later launch's. A later launch that
 * asks nothing Unhunch can do shows the window, so starting Unhunch again always
 * answers. Returns the function that stops following.
 */
export function followLaunches(
  electronApp: LaunchingApp,
  unhunch: UnhunchApp,
  host: { showMainWindow: () => void; logger: Logger; argv: readonly string[] },
): () => void {
  const { logger } = host;
  const attempt = (what: string, act: () => unknown) => {
    try {
      const result = act();
      if (result instanceof Promise) {
        result.catch((error: unknown) => logger.error(`launch: ${what} failed: ${String(error)}`));
      }
    } catch (error) {
      logger.error(`launch: ${what} failed: ${String(error)}`);
    }
  };

  const actOn = (argv: readonly string[], showByDefault: boolean) => {
    const { requests, refused } = readLaunch(argv);
    if (refused.length > 0) {
      const named = refused.slice(0, NAMED_AT_MOST).map(quoted).join(', ');
      const more =
        refused.length > NAMED_AT_MOST ? ` and ${refused.length - NAMED_AT_MOST} more` : '';
      logger.warn(
        `launch: refused ${named}${more}: Unhunch takes --open, --resume, --pause and --pause=MINUTES (1 to 1440)`,
      );
    }
    if (requests.length === 0 && showByDefault) attempt('showing the window', host.showMainWindow);
    for (const request of requests) {
      if (request.kind === 'open') attempt('showing the window', host.showMainWindow);
      else if (request.kind === 'pause') {
        attempt('pause', () => unhunch.handlers.pause({ minutes: request.minutes }));
      } else attempt('resume', () => unhunch.handlers.resume(undefined));
    }
  };

  const onSecondInstance = (_event: unknown, argv: string[], _cwd: string, data: unknown) =>
    actOn(argvOf(argv, data), true);
  electronApp.on('second-instance', onSecondInstance);
  actOn(host.argv, false);
  return () => electronApp.off('second-instance', onSecondInstance);
}
