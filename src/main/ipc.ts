import { ipcMain, type WebContents } from 'electron';
import type { UnhunchApp } from '../app/app';
import { type EventName, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/contract';
import { dispatchCall } from '../contract/dispatch';

/** Our renderer file, on any page: pages are told apart by the hash (#break, #therapy). */
export function isRendererPage(frameUrl: string, rendererFileUrl: string): boolean {
  return frameUrl.split('#')[0] === rendererFileUrl;
}

/**
 * Binds the contract to ipcMain. Every call is checked to come from a window we made,
 * showing our own renderer file, then validated by the contract's schemas.
 */
export function bindContract(
  app: UnhunchApp,
  sender: { isOurWindow: (contents: WebContents) => boolean; rendererFileUrl: string },
) {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!sender.isOurWindow(event.sender) || !isRendererPage(frameUrl, sender.rendererFileUrl)) {
      return { ok: false, error: 'refused: the call did not come from an Unhunch window' };
    }
    return dispatchCall(app.handlers, name, input);
  });
}

export function pushEvent(target: WebContents | undefined, event: EventName, payload: unknown) {
  if (target && !target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, event, payload);
}
