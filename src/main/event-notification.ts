import { Notification, type NotificationConstructorOptions } from 'electron';
import type { UnhunchApp } from '../app/app';
import type { EventName, EventPayload } from '../contract/contract';

/**
 * Shows a system notification for each `event` the app pushes, one at a time: a new
 * one replaces the last, and the returned function stops and closes it. `build`
 * returns the notification's words for a payload, or null to show nothing.
 */
export function notifyOnEvent<E extends EventName>(
  app: UnhunchApp,
  event: E,
  build: (payload: EventPayload<E>) => NotificationConstructorOptions | null,
  onClick?: () => void,
): () => void {
  // Held so the notification is not garbage collected while on screen.
  let shown: Notification | null = null;
  const listener = (payload: EventPayload<E>) => {
    shown?.close();
    shown = null;
    if (!Notification.isSupported()) return;
    const options = build(payload);
    if (!options) return;
    shown = new Notification(options);
    if (onClick) shown.on('click', onClick);
    shown.show();
  };
  const unsubscribe = app.on(event, listener);
  return () => {
    unsubscribe();
    shown?.close();
  };
}
