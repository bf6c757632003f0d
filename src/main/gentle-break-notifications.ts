import type { TFunction } from 'i18next';
import type { UnhunchApp } from '../app/app';
import { notifyOnEvent } from './event-notification';

/**
 * A break held through a long call (`deferral.maxMinutes`) comes as a quiet system
 * notification instead of the break window: it is the break itself, so it shows even
 * when break warnings are turned off; it is silent unless sounds are on.
 */
export function notifyGentleBreaks(app: UnhunchApp, options: { t: TFunction }): () => void {
  const { t } = options;
  return notifyOnEvent(app, 'break-gentle', (gentle) => {
    const { notifications } = app.context.settings.effective();
    const duration =
      gentle.durationSeconds < 60
        ? t('duration.seconds', { count: gentle.durationSeconds })
        : t('duration.minutes', { count: Math.round(gentle.durationSeconds / 60) });
    return {
      title: t(`focus:gentle.title.${gentle.kind}`),
      body: t('focus:gentle.body', { duration }),
      silent: !notifications.sound,
    };
  });
}
