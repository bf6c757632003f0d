import { ipcMain, type WebContents } from 'electron';
import type { UnhunchApp } from '../app/app';
import { type EventName, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/contract';
import { dispatchCall } from '../contract/dispatch';

/**
 * Binds the contract to ipcMain. Every call is checked to come from our own window's
 * main frame loading our own file, then validated by the contract's schemas.
 */
export function bindContract(
  app: UnhunchApp,
  isOwnFrame: (sender: WebContents, url: string) => boolean,
) {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isOwnFrame(event.sender, frameUrl)) {
      return { ok: false, error: 'refused: the call did not come from an Unhunch window' };
    }
    return dispatchCall(app.handlers, name, input);
  });
}

export function pushEvent(target: WebContents | undefined, event: EventName, payload: unknown) {
  if (target && !target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, event, payload);
}
