import type { RenderProcessGoneDetails } from 'electron';

/**
 * When a window's renderer dies (crashed, killed, out of memory) the host makes the
 * page again: the page asks the app for its state, so nothing is lost. A renderer that
 * dies again and again (a GPU driver, a bad picture) would otherwise be made again
 * forever, spinning the CPU and flashing the screen: after `limit` deaths within
 * `withinMs` the host stops and falls back (src/main/window.ts, break-windows.ts).
 */
export const CRASH_LIMIT = 3;
export const CRASH_WINDOW_MS = 60_000;

export type CrashVerdict = 'recreate' | 'give-up';

export interface CrashGuard {
  /** Counts a renderer death now: 'recreate' while under the limit, 'give-up' at it. */
  crashed(): CrashVerdict;
}

export function createCrashGuard(options: {
  /** Milliseconds on a clock that never jumps back. */
  now: () => number;
  limit?: number;
  withinMs?: number;
}): CrashGuard {
  const limit = options.limit ?? CRASH_LIMIT;
  const withinMs = options.withinMs ?? CRASH_WINDOW_MS;
  let recent: number[] = [];
  return {
    crashed() {
      const now = options.now();
      recent = [...recent.filter((at) => now - at < withinMs), now];
      return recent.length >= limit ? 'give-up' : 'recreate';
    },
  };
}

/** A renderer that exited on purpose is not a fault; every other way of going is. */
export function isRendererFault(details: Pick<RenderProcessGoneDetails, 'reason'>): boolean {
  return details.reason !== 'clean-exit';
}

/** For the log: how it went, never what the window showed. */
export function describeRendererGone(details: RenderProcessGoneDetails): string {
  return `${details.reason}, exit code ${details.exitCode}`;
}
