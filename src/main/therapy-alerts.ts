import { Notification, shell } from 'electron';
import type { TFunction } from 'i18next';
import type { UnhunchApp } from '../app/app';
import type { TherapyState, TherapyView } from '../contract/contract';
import { formatCountdown } from '../contract/i18n';

export interface TherapyAlertOptions {
  t: TFunction;
  /** Opens the Unhunch window on the therapy page, where the prompt waits to be acknowledged. */
  showTherapyPage(): void;
}

/**
 * The end of a heat or ice session, told even with every window closed: a system
 * notification with the system's sound, and the Unhunch window opened on the therapy
 * page, where "remove the pack now" stays until acknowledged and the chime plays. No
 * renderer is kept alive for this: nothing runs until the app says a session ended.
 * After sleep the app says so on resume, and the words say how long ago it was. A
 * session that ended while Unhunch was closed (quit, crash, kill -9) is already waiting
 * when this starts watching, so it is told at once, on start-up.
 * Unlike break warnings it ignores the notification settings: a pack left on the skin
 * is a safety matter.
 */
export function watchTherapyEnd(app: UnhunchApp, options: TherapyAlertOptions): () => void {
  const { t } = options;
  let toldFor: number | null = null;
  // Held so the notification and its click handler are not garbage collected.
  let shown: Notification | null = null;

  const tell = (ended: Extract<TherapyState, { name: 'ended-awaiting-ack' }>, now: number) => {
    const kind = t(`therapy:kindLower.${ended.kind}`);
    const title = t(`therapy:alert.title.${ended.kind}`);
    const ago = now - ended.endedAt;
    const body =
      ended.whileClosed && ago >= ended.lateNoticeMs
        ? t('therapy:alert.bodyClosed', { kind, ago: formatCountdown(t, ago) })
        : ended.lateBy >= ended.lateNoticeMs
          ? t('therapy:alert.bodyLate', { kind, ago: formatCountdown(t, ago) })
          : t('therapy:alert.body', { kind, minutes: ended.minutes });
    if (Notification.isSupported()) {
      shown?.close();
      shown = new Notification({
        title,
        body,
        silent: false,
        urgency: 'critical',
        timeoutType: 'never',
      });
      shown.on('click', () => options.showTherapyPage());
      // Never lost: a toast the system could not show is a beep and the end page again.
      shown.on('failed', () => {
        shell.beep();
        options.showTherapyPage();
      });
      shown.show();
    } else {
      shell.beep();
    }
    options.showTherapyPage();
  };

  const follow = (view: TherapyView) => {
    const { state } = view;
    if (state.name !== 'ended-awaiting-ack') {
      toldFor = null;
      shown?.close();
      shown = null;
      return;
    }
    if (toldFor === state.endedAt) return;
    toldFor = state.endedAt;
    tell(state, view.now);
  };

  const unsubscribe = app.onEvent((event, payload) => {
    if (event === 'therapy') follow(payload as TherapyView);
  });
  // An end found on opening came before anyone listened: tell it now.
  follow(app.therapy());
  return unsubscribe;
}
