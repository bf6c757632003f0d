import type { TimerHandle } from '../core/time/clock';
import type { UnhunchApp } from './app';
import { setTimerWithin } from './shared-clock';
import { type TrayModel, trayModel } from './tray';

const MINUTE_MS = 60_000;
/**
 * The tray's next minute is drawn at the first wake the app has anyway from half a
 * second before it to 30 s after: the timer service samples idle every 30 s at most
 * while the person works (on the minute itself when they are busy at the keyboard), so
 * the tray never wakes the machine on its own then, and is never more than 30 s behind.
 */
const EARLY_MS = 500;
const LATE_MS = 30_000;

/**
 * The moments the tray's text may next change by itself: the next minute of the break
 * countdown and of the heat or ice session, as wall-clock epoch ms. Whether the tray
 * shows that countdown (not while paused, in a break or outside work hours) is for the
 * caller to check against the model. Other changes (a break starts, a pause ends, the
 * language) come as status and events.
 */
export function countdownMinutes(status: {
  now: number;
  nextBreak: { dueAt: number } | null;
  therapyEndsAt: number | null;
}): number[] {
  const minutes: number[] = [];
  for (const end of [status.nextBreak?.dueAt ?? null, status.therapyEndsAt]) {
    if (end === null || end <= status.now) continue;
    // "in 12 min" becomes "in 11 min" when the time left reaches 11 minutes.
    minutes.push(end - (Math.ceil((end - status.now) / MINUTE_MS) - 1) * MINUTE_MS);
  }
  return minutes.sort((a, b) => a - b);
}

type TrayApp = Pick<UnhunchApp, 'status' | 'onStatus' | 'on' | 'therapy' | 'locale' | 't'> & {
  context: Pick<UnhunchApp['context'], 'clock'>;
};

/**
 * Keeps the tray current: draws its model when it differs from what is drawn, after
 * every status and on a change of language or therapy session, and arms one timer on
 * the app's clock for the moment its text next changes by itself, so the tray wakes
 * nothing while paused, in a break or outside work hours.
 */
export function followTray(
  app: TrayApp,
  draw: (model: TrayModel) => void,
): { refresh(): void; dispose(): void } {
  const { clock } = app.context;
  let drawn = '';
  let timer: TimerHandle | null = null;
  let timerFor: number | null = null;
  let disposed = false;

  const refresh = (minuteStarting: number | null = null) => {
    if (disposed) return;
    const status = app.status();
    const therapy = app.therapy().state;
    // Woken just before the minute to share a wake: show that minute.
    const now = minuteStarting === null ? status.now : Math.max(status.now, minuteStarting);
    const language = app.locale.view().intlLocale;
    const modelAt = (at: number) => trayModel({ ...status, now: at }, app.t, language, therapy);
    const model = modelAt(now);
    const key = JSON.stringify(model);
    if (key !== drawn) {
      drawn = key;
      draw(model);
    }
    // Only a countdown the tray shows: its next minute changes the text.
    const next =
      countdownMinutes({
        now,
        nextBreak: status.nextBreak,
        therapyEndsAt: therapy.name === 'running' ? therapy.endsAt : null,
      }).find((at) => JSON.stringify(modelAt(at)) !== key) ?? null;
    if (next === timerFor) return;
    if (timer) clock.cancel(timer);
    timer = null;
    timerFor = next;
    if (next === null) return;
    const at = clock.monotonic() + (next - status.now);
    timer = setTimerWithin(clock, at - EARLY_MS, at + LATE_MS, () => {
      timer = null;
      timerFor = null;
      refresh(next);
    });
  };

  const stopStatus = app.onStatus(() => refresh());
  const stopTherapy = app.on('therapy', () => refresh());
  const stopLocale = app.on('locale', () => refresh());
  refresh();

  return {
    refresh: () => refresh(),
    dispose() {
      disposed = true;
      stopStatus();
      stopTherapy();
      stopLocale();
      if (timer) clock.cancel(timer);
      timer = null;
    },
  };
}
