import type { TFunction } from 'i18next';
import type { UnhunchApp } from '../app/app';
import { notifyOnEvent } from './event-notification';

/**
 * Sit-stand prompts (`sitStand`) as system notifications: "Time to stand", for how
 * long. They are the feature itself, so they show whenever the rhythm is on; the sound
 * follows `notifications.sound`. The app decided when; this only shows it.
 */
export function notifyPostureChanges(app: UnhunchApp, options: { t: TFunction }): () => void {
  const { t } = options;
  return notifyOnEvent(app, 'posture', (prompt) => ({
    title: t(`focus:posture.title.${prompt.to}`),
    body: t(`focus:posture.body.${prompt.to}`, { minutes: prompt.minutes }),
    silent: !app.context.settings.effective().notifications.sound,
  }));
}
