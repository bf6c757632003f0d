import { Notification } from 'electron';
import type { TFunction } from 'i18next';
import type { UnhunchApp } from '../app/app';
import type { PosturePrompt } from '../contract/contract';

/**
 * Sit-stand prompts (`sitStand`) as system notifications: "Time to stand", for how
 * long. They are the feature itself, so they show whenever the rhythm is on; the sound
 * follows `notifications.sound`. The app decided when; this only shows it.
 */
export function notifyPostureChanges(app: UnhunchApp, options: { t: TFunction }): () => void {
  const { t } = options;
  // Held so the notification is not garbage collected while on screen.
  let shown: Notification | null = null;

  const show = (prompt: PosturePrompt) => {
    shown?.close();
    shown = null;
    if (!Notification.isSupported()) return;
    const { notifications } = app.context.settings.effective();
    shown = new Notification({
      title: t(`focus:posture.title.${prompt.to}`),
      body: t(`focus:posture.body.${prompt.to}`, { minutes: prompt.minutes }),
      silent: !notifications.sound,
    });
    shown.show();
  };

  const unsubscribe = app.onEvent((event, payload) => {
    if (event === 'posture') show(payload as PosturePrompt);
  });
  return () => {
    unsubscribe();
    shown?.close();
  };
}
