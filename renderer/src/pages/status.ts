import { html, nothing } from 'lit-html';
import type { ActionResultPayload } from '../../../src/contract/calls/common';
import type {
  FocusSignalsView,
  Notice,
  PauseRequestPayload,
  Status,
} from '../../../src/contract/contract';
import { formatCountdown, refusalText } from '../../../src/contract/i18n';
import { formatWhen } from '../format';
import { litRoot } from '../lit-root';
import type { MountedPage, PageContext } from './index';

/**
 * The first page: what Unhunch is doing now and what comes next (with its day when
 * that is not today), take a break now, pause (the tray's choices) and resume.
 * The page draws when the app says something changed and when its own words would
 * change (a countdown's minute, midnight), never on a tick, and not while hidden.
 */

const MINUTE_MS = 60_000;
/** Past the edge, so the minute has surely turned when the page looks again. */
const EDGE_MARGIN_MS = 50;

/** The pause choices, as in the tray. */
const PAUSES: { id: string; request: PauseRequestPayload }[] = [
  { id: 'm30', request: { minutes: 30 } },
  { id: 'h1', request: { minutes: 60 } },
  { id: 'h2', request: { minutes: 120 } },
  { id: 'tomorrow', request: { untilTomorrow: true } },
  { id: 'indefinitely', request: { indefinitely: true } },
];

/** A countdown to `at` reads in whole minutes: when does its number next change? */
function untilMinuteTurns(at: number, now: number): number {
  const left = at - now;
  if (left <= 0) return Number.POSITIVE_INFINITY;
  return left % MINUTE_MS || MINUTE_MS;
}

function untilMidnight(now: number): number {
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime() - now;
}

/**
 * How long the words on the page stay true for `status` at `now` (host time): to the
 * next turn of a countdown's minute, or to midnight when a day is named. Infinity when
 * only the app can change them (it then sends a new status).
 */
export function nextRedrawIn(status: Status, now: number): number {
  const edges: number[] = [];
  if (status.currentBreak) edges.push(untilMinuteTurns(status.currentBreak.endsAt, now));
  else if (status.state !== 'paused' && status.nextBreak) {
    edges.push(untilMinuteTurns(status.nextBreak.dueAt, now), untilMidnight(now));
  } else if (status.state === 'paused' && status.pausedUntil !== null) {
    edges.push(untilMidnight(now));
  }
  return Math.min(...edges) + EDGE_MARGIN_MS;
}

const canTakeBreak = (status: Status) =>
  status.state === 'running' || status.state === 'warning' || status.state === 'postponed';

export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
  const out = litRoot(root);
  let current: Status | null = null;
  // Offset between the host's clock and ours, so the countdown follows the host.
  let skew = 0;
  let error = '';
  let connected = true;
  let notices: Notice[] = [];
  let platformNotes: string[] = [];
  let focusNotes: string[] = [t('signals.doNotDisturbUnavailable')];
  let redraw: ReturnType<typeof setTimeout> | undefined;

  const hostNow = () => Date.now() + skew;

  const describe = (status: Status, now: number): string => {
    if (status.state === 'paused') {
      return status.pausedUntil === null
        ? t('status.pausedIndefinitely')
        : t('status.pausedUntil', { time: formatWhen(status.pausedUntil, now, language) });
    }
    if (status.currentBreak) {
      return t('status.breakEnds', {
        countdown: formatCountdown(t, status.currentBreak.endsAt - now),
      });
    }
    if (status.nextBreak) {
      return t(`status.nextBreak.${status.nextBreak.kind}`, {
        countdown: formatCountdown(t, status.nextBreak.dueAt - now),
        time: formatWhen(status.nextBreak.dueAt, now, language),
      });
    }
    return t('status.noBreak');
  };

  const act = async (call: () => Promise<ActionResultPayload>) => {
    error = '';
    try {
      const result = await call();
      if (!result.ok) error = t('actions.failed', { reason: refusalText(t, result) });
      show(await api.call('getStatus'));
    } catch (failure) {
      error = t('actions.failed', { reason: (failure as Error).message });
      draw();
    }
  };

  const actions = (status: Status) => {
    const paused = status.state === 'paused';
    return html`
      <div class="status-actions">
        ${
          paused
            ? html`<button type="button" data-testid="status-resume"
                @click=${() => act(() => api.call('resume'))}>${t('actions.resume')}</button>`
            : canTakeBreak(status)
              ? html`<button type="button" data-testid="status-take-break"
                  @click=${() => act(() => api.call('takeBreakNow'))}>${t('actions.takeBreak')}</button>`
              : nothing
        }
      </div>
      ${
        paused
          ? nothing
          : html`<fieldset class="pause-choices" data-testid="pause-choices">
              <legend>${t('actions.pauseHeading')}</legend>
              ${PAUSES.map(
                ({ id, request }) => html`<button type="button" class="secondary"
                  data-testid=${`pause-${id}`}
                  @click=${() => act(() => api.call('pause', request))}>${t(`actions.pause.${id}`)}</button>`,
              )}
            </fieldset>`
      }`;
  };

  const draw = () => {
    const status = current;
    const now = hostNow();
    out.draw(
      html`
        <div data-testid="notices">
          ${notices.map(
            (notice) =>
              html`<p class="notice" role="status">${t(`notices.${notice.id}`, { detail: notice.detail })}</p>`,
          )}
        </div>
        <section aria-labelledby="status-heading" class="card">
          <h2 id="status-heading">${t('status.heading')}</h2>
          <!-- Only the state is spoken as it changes: the countdown below changes every minute. -->
          <p class="state" aria-live="polite" data-testid="status-state" data-state=${status?.state ?? nothing}>
            ${status ? t(`status.state.${status.state}`) : ''}
          </p>
          <p class="detail" data-testid="status-detail">${status ? describe(status, now) : ''}</p>
          ${status ? actions(status) : nothing}
          <p class="error" role="alert" data-testid="status-error">${error}</p>
        </section>
        <section aria-labelledby="signals-heading" class="card muted">
          <h2 id="signals-heading">${t('signals.heading')}</h2>
          <ul class="notes" data-testid="signal-notes">
            ${[...platformNotes, ...focusNotes].map((note) => html`<li>${note}</li>`)}
          </ul>
        </section>
        <p class="connection" role="status">${connected ? '' : t('status.connectionLost')}</p>`,
    );
    if (status) root.setAttribute('aria-busy', 'false');
  };

  /** Draws now, and again only when the words would change; nothing while hidden. */
  const drawAndSchedule = () => {
    clearTimeout(redraw);
    if (document.visibilityState === 'hidden') return;
    draw();
    if (!current) return;
    const wait = nextRedrawIn(current, hostNow());
    if (Number.isFinite(wait)) redraw = setTimeout(drawAndSchedule, wait);
  };

  const show = (status: Status) => {
    current = status;
    skew = status.now - Date.now();
    drawAndSchedule();
  };

  // Which calls and presentations hold breaks here, as the host last found (src/main/focus).
  const showFocus = (view: FocusSignalsView) => {
    const names = (readable: string) =>
      view.signals
        .filter((s) => s.enabled && s.readable === readable)
        .map((s) => t(`focus:signal.${s.signal}`));
    // "the camera, the microphone and screen sharing", as the language lists things.
    const list = (names: string[]) =>
      new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
    const seen = names('readable');
    const unseen = names('unreadable');
    focusNotes = seen.length
      ? [
          t('focus:status.readable', { list: list(seen) }),
          ...(unseen.length ? [t('focus:status.unreadable', { list: list(unseen) })] : []),
        ]
      : [t('signals.doNotDisturbUnavailable')];
    draw();
  };
  void api.call('getSignalSupport').then((support) => {
    platformNotes = [
      support.idle === 'unreliable' ? 'signals.idleUnreliable' : null,
      support.lock === 'idle-only' ? 'signals.lockIdleOnly' : null,
    ]
      .filter((key): key is string => key !== null)
      .map((key) => t(key));
    draw();
  });
  void api.call('getFocusSignals').then(showFocus);
  const unsubscribeFocus = api.on('focus-signals', showFocus);
  void api.call('getNotices').then((list) => {
    notices = list;
    draw();
  });

  const unsubscribe = api.on('status', show);
  void api.call('getStatus').then(show);
  document.addEventListener('visibilitychange', drawAndSchedule);
  draw();

  return {
    unmount() {
      clearTimeout(redraw);
      document.removeEventListener('visibilitychange', drawAndSchedule);
      unsubscribe();
      unsubscribeFocus();
      out.clear();
    },
    setConnected(isConnected: boolean) {
      connected = isConnected;
      draw();
    },
  };
}
