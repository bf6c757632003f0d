import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';

/**
 * Exposes the contract to the renderer as `window.unhunch`. Deliberately knows no
 * schemas: the main process validates every call and checks the sender. Only the two
 * contract channels are reachable; the renderer never sees ipcRenderer itself.
 */
const CALL_CHANNEL = 'unhunch:call';
const EVENT_CHANNEL = 'unhunch:event';

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

contextBridge.exposeInMainWorld('unhunch', {
  async call(name: string, input?: unknown): Promise<unknown> {
    const reply = (await ipcRenderer.invoke(CALL_CHANNEL, name, input)) as Reply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.off(EVENT_CHANNEL, wrapped);
  },
});
