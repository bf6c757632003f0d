import type { FocusSignalsView, Status } from '../../../src/contract/contract';
import { formatClockTime, formatCountdown, refusalText } from '../../../src/contract/i18n';
import { el } from '../dom';
import type { MountedPage, PageContext } from './index';

/** The first page: what Unhunch is doing now, and pause / resume. */
export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
  // Only the state is spoken as it changes: the countdown below it changes every minute.
  const state = el('p', { class: 'state', 'aria-live': 'polite', 'data-testid': 'status-state' });
  const detail = el('p', { class: 'detail', 'data-testid': 'status-detail' });
  const toggle = el('button', { type: 'button', 'data-testid': 'pause-toggle' });
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'status-error' });
  const connection = el('p', { class: 'connection', role: 'status' });
  const signalNotes = el('ul', { class: 'notes', 'data-testid': 'signal-notes' });
  const notices = el('div', { 'data-testid': 'notices' });

  root.append(
    notices,
    el(
      'section',
      { 'aria-labelledby': 'status-heading', class: 'card' },
      el('h2', { id: 'status-heading' }, t('status.heading')),
      state,
      detail,
      toggle,
      error,
    ),
    el(
      'section',
      { 'aria-labelledby': 'signals-heading', class: 'card muted' },
      el('h2', { id: 'signals-heading' }, t('signals.heading')),
      signalNotes,
    ),
    connection,
  );

  let current: Status | null = null;
  // Offset between the host's clock and ours, so the countdown follows the host.
  let skew = 0;

  const describe = (status: Status): string => {
    const now = Date.now() + skew;
    if (status.state === 'paused') {
      return status.pausedUntil === null
        ? t('status.pausedIndefinitely')
        : t('status.pausedUntil', { time: formatClockTime(status.pausedUntil, language) });
    }
    if (status.currentBreak) {
      return t('status.breakEnds', {
        countdown: formatCountdown(t, status.currentBreak.endsAt - now),
      });
    }
    if (status.nextBreak) {
      const countdown = formatCountdown(t, status.nextBreak.dueAt - now);
      return `${t(`status.nextBreak.${status.nextBreak.kind}`, { countdown })} (${t(
        'status.nextBreakAt',
        {
          time: formatClockTime(status.nextBreak.dueAt, language),
        },
      )})`;
    }
    return t('status.noBreak');
  };

  const render = () => {
    if (!current) return;
    state.textContent = t(`status.state.${current.state}`);
    state.dataset.state = current.state;
    detail.textContent = describe(current);
    toggle.textContent = current.state === 'paused' ? t('actions.resume') : t('actions.pause30');
    root.setAttribute('aria-busy', 'false');
  };

  const show = (status: Status) => {
    current = status;
    skew = status.now - Date.now();
    render();
  };

  toggle.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const result =
        current?.state === 'paused'
          ? await api.call('resume')
          : await api.call('pause', { minutes: 30 });
      if (!result.ok) error.textContent = t('actions.failed', { reason: refusalText(t, result) });
      show(await api.call('getStatus'));
    } catch (failure) {
      error.textContent = t('actions.failed', { reason: (failure as Error).message });
    }
  });

  let platformNotes: string[] = [];
  let focusNotes: string[] = [t('signals.doNotDisturbUnavailable')];
  const renderNotes = () =>
    signalNotes.replaceChildren(...[...platformNotes, ...focusNotes].map((n) => el('li', {}, n)));
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
    renderNotes();
  };
  void api.call('getSignalSupport').then((support) => {
    platformNotes = [
      support.idle === 'unreliable' ? 'signals.idleUnreliable' : null,
      support.lock === 'idle-only' ? 'signals.lockIdleOnly' : null,
    ]
      .filter((key): key is string => key !== null)
      .map((key) => t(key));
    renderNotes();
  });
  void api.call('getFocusSignals').then(showFocus);
  const unsubscribeFocus = api.on('focus-signals', showFocus);

  void api.call('getNotices').then((list) => {
    notices.replaceChildren(
      ...list.map((notice) =>
        el(
          'p',
          { class: 'notice', role: 'status' },
          t(`notices.${notice.id}`, { detail: notice.detail }),
        ),
      ),
    );
  });

  const unsubscribe = api.on('status', show);
  void api.call('getStatus').then(show);

  // The countdown text changes at most once a minute; re-render only while visible.
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    if (document.visibilityState === 'visible') render();
    timer = setTimeout(tick, 1000 - (Date.now() % 1000));
  };
  tick();

  return {
    unmount() {
      clearTimeout(timer);
      unsubscribe();
      unsubscribeFocus();
    },
    setConnected(connected: boolean) {
      connection.textContent = connected ? '' : t('status.connectionLost');
    },
  };
}
