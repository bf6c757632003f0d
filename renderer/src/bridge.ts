import type {
  CallArgs,
  CallName,
  CallOutput,
  EventName,
  EventPayload,
  UnhunchApi,
} from '../../src/contract/contract';

declare global {
  interface Window {
    unhunch?: UnhunchApi;
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * The contract over the web host's WebSocket (`npm run dev:web`, end-to-end tests).
 * In Electron the preload provides `window.unhunch` and this is never used.
 */
function connectWebSocket(onConnectionChange: (connected: boolean) => void): UnhunchApi {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let opened: Promise<void>;

  const open = () => {
    // The host lets in only a page that knows the token in the URL it printed.
    const token = new URLSearchParams(location.search).get('token') ?? '';
    socket = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`,
    );
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve()));
    socket.addEventListener('open', () => onConnectionChange(true));
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as {
        id?: number;
        reply?: { ok: boolean; value?: unknown; error?: string };
        event?: string;
        payload?: unknown;
      };
      if (data.id !== undefined && data.reply) {
        const waiter = pending.get(data.id);
        pending.delete(data.id);
        if (data.reply.ok) waiter?.resolve(data.reply.value);
        else waiter?.reject(new Error(data.reply.error));
      } else if (data.event) {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
      }
    });
    socket.addEventListener('close', () => {
      onConnectionChange(false);
      for (const waiter of pending.values()) waiter.reject(new Error('connection closed'));
      pending.clear();
      setTimeout(open, 1000);
    });
  };
  open();

  return {
    async call<K extends CallName>(name: K, ...input: CallArgs<K>): Promise<CallOutput<K>> {
      await opened;
      const id = nextId++;
      const result = new Promise<unknown>((resolve, reject) =>
        pending.set(id, { resolve, reject }),
      );
      socket.send(JSON.stringify({ id, name, input: input[0] }));
      return (await result) as CallOutput<K>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

export function connect(onConnectionChange: (connected: boolean) => void): UnhunchApi {
  if (window.unhunch) return window.unhunch;
  // In the browser the contract is reachable the same way as in Electron (tests, bench).
  window.unhunch = connectWebSocket(onConnectionChange);
  return window.unhunch;
}
