import { Notification } from 'electron';
import type { TFunction } from 'i18next';
import type { UnhunchApp } from '../app/app';
import type { BreakWarning } from '../contract/contract';
import { notifyOnEvent } from './event-notification';

/**
 * The warning before a break as a system notification ("Micro break in 30 seconds",
 * with what it will show), unless the person turned notifications off in settings.
 * Where the OS offers notification buttons (macOS) it has Postpone and Skip, unless
 * strict mode is on. Closed when the break starts. Decisions stay with the app.
 */
export function notifyBreakWarnings(
  app: UnhunchApp,
  options: { t: TFunction; whenNotShown?: () => void },
): () => void {
  const { t } = options;
  // Held so the notification and its action handler are not garbage collected.
  let shown: Notification | null = null;

  const close = () => {
    shown?.close();
    shown = null;
  };

  const warn = (warning: BreakWarning) => {
    const { notifications } = app.context.settings.effective();
    close();
    if (!notifications.enabled || !Notification.isSupported()) return;
    const first = warning.exercises[0];
    const actions: { label: string; act: () => unknown }[] = warning.strictMode
      ? []
      : [
          ...(warning.postponesLeft > 0
            ? [
                {
                  label: t('breaks:notification.postpone'),
                  act: () => app.handlers.postponeBreak(undefined),
                },
              ]
            : []),
          { label: t('breaks:notification.skip'), act: () => app.handlers.skipBreak(undefined) },
        ];
    const notification = new Notification({
      title: t(`breaks:notification.title.${warning.kind}`, { count: warning.inSeconds }),
      body: first
        ? t('breaks:notification.body', { title: first.title })
        : t('breaks:notification.bodyNone'),
      silent: !notifications.sound,
      actions: actions.map((action) => ({ type: 'button' as const, text: action.label })),
    });
    notification.on('action', (_event, index) => {
      void actions[index]?.act();
    });
    // Windows says so when it cannot show a toast.
    notification.on('failed', () => options.whenNotShown?.());
    notification.show();
    shown = notification;
  };

  const unsubscribe = app.onEvent((event, payload) => {
    if (event === 'break-warning') warn(payload);
    else if (event === 'break') close();
  });

  return () => {
    unsubscribe();
    close();
  };
}

/** A weekly routine that fell due, as a quiet notification that opens its page. */
function notifyRoutineDue(
  app: UnhunchApp,
  event: 'checklist-due' | 'checkin-due',
  words: () => { title: string; body: string },
  open: () => void,
): () => void {
  return notifyOnEvent(
    app,
    event,
    // The words are looked up when it fires, in the language in force then.
    (due) =>
      due.due && app.context.settings.effective().notifications.enabled
        ? { ...words(), silent: true }
        : null,
    open,
  );
}

/** The weekly workstation re-check (a routine) as a notification that opens the checklist. */
export function notifyChecklistDue(
  app: UnhunchApp,
  options: { t: TFunction; showChecklist: () => void },
): () => void {
  const { t } = options;
  return notifyRoutineDue(
    app,
    'checklist-due',
    () => ({ title: t('checklistDue.title'), body: t('checklistDue.body') }),
    options.showChecklist,
  );
}

/** The weekly upper-back check-in (a routine, only while the person has it on) as a notification that opens it. */
export function notifyCheckinDue(
  app: UnhunchApp,
  options: { t: TFunction; showCheckin: () => void },
): () => void {
  const { t } = options;
  return notifyRoutineDue(
    app,
    'checkin-due',
    () => ({ title: t('checkin:due.banner'), body: t('checkin:due.detail') }),
    options.showCheckin,
  );
}
