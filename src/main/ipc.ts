import { ipcMain, type WebContents } from 'electron';
import type { UnhunchApp } from '../app/app';
import { type EventName, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/contract';
import { dispatchCall } from '../contract/dispatch';

/**
 * Our renderer page, on any of its pages (told apart by the hash: #break, #therapy):
 * `index.html` at one of `origins` (`unhunch://app`, or the dev server's under `npm run
 * dev`). The origin never holds the install path, so whatever characters that path has
 * (`%`, `[`, spaces, non-ASCII) the check is the same.
 */
export function isRendererPage(frameUrl: string, origins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  // URL.origin is "null" for a custom scheme: compare scheme and host instead.
  const origin = `${url.protocol}//${url.host}`;
  return origins.includes(origin) && (url.pathname === '/index.html' || url.pathname === '/');
}

/**
 * Binds the contract to ipcMain. Every call is checked to come from a window we made,
 * showing our own renderer page, then validated by the contract's schemas.
 */
export function bindContract(
  app: UnhunchApp,
  sender: { isOurWindow: (contents: WebContents) => boolean; rendererOrigins: readonly string[] },
) {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!sender.isOurWindow(event.sender) || !isRendererPage(frameUrl, sender.rendererOrigins)) {
      return { ok: false, error: 'refused: the call did not come from an Unhunch window' };
    }
    return dispatchCall(app.handlers, name, input);
  });
}

export function pushEvent(target: WebContents | undefined, event: EventName, payload: unknown) {
  if (target && !target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, event, payload);
}
