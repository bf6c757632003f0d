import type { EventName, EventPayload, Handlers, Status } from '../contract/contract';
import type { Policy } from '../contract/settings';
import type { IdleProbe, TimerService } from '../core/breaks/api';
import { createTimerService } from '../core/breaks/service';
import type { Clock } from '../core/time/clock';
import type { AppContext } from './context';
import { settingsHandlers, settingsView } from './features/settings';
import { currentStatus, statusHandlers } from './features/status';
import { createNoticeBoard } from './notices';
import type { SignalSupport } from './platform';
import { type HistoryStore, type Logger, type SettingsStore, silentLogger } from './ports';
import { createSettingsState } from './settings-state';

export interface AppDeps {
  clock: Clock;
  settingsStore: SettingsStore;
  history: HistoryStore;
  /** Where an unreadable settings file was moved by the store, if it was. */
  settingsMovedAside?: string | null;
  /** The organisation's policy, already read and validated by the host. */
  policy?: Policy;
  idle?: IdleProbe;
  timeZone: string;
  /** What the host's desktop can report; defaults to everything but do-not-disturb. */
  signalSupport?: SignalSupport;
  logger?: Logger;
}

export type AppEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface UnhunchApp {
  /** The contract's calls, implemented; hosts bind them through `dispatchCall`. */
  handlers: Handlers;
  status(): Status;
  /** Called whenever the status may have changed; returns the unsubscribe function. */
  onStatus(listener: (status: Status) => void): () => void;
  /** Every event of the contract, for hosts to forward to their UIs. */
  onEvent(listener: AppEventListener): () => void;
  context: AppContext;
  timer: TimerService;
  dispose(): void;
}

/** Builds the core services and holds their state: the one app every host runs. */
export function createApp(deps: AppDeps): UnhunchApp {
  const logger = deps.logger ?? silentLogger;
  const notices = createNoticeBoard();
  if (deps.settingsMovedAside) {
    notices.add({ id: 'settings-unreadable', detail: deps.settingsMovedAside });
  }
  const settings = createSettingsState({
    store: deps.settingsStore,
    logger,
    notices,
    ...(deps.policy ? { policy: deps.policy } : {}),
  });
  const signalSupport: SignalSupport = deps.signalSupport ?? {
    idle: 'reliable',
    lock: 'events',
    doNotDisturb: 'unavailable',
  };
  // An idle reading we cannot trust would invent natural breaks: leave it out instead.
  const idle = signalSupport.idle === 'reliable' ? deps.idle : undefined;
  const timer = createTimerService({
    clock: deps.clock,
    settings: settings.effective(),
    timeZone: deps.timeZone,
    ...(idle ? { idle } : {}),
  });

  const listeners = new Set<AppEventListener>();
  const emit: AppEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const context: AppContext = {
    clock: deps.clock,
    timeZone: deps.timeZone,
    timer,
    settings,
    history: deps.history,
    notices,
    signalSupport,
    logger,
    emit,
    publishStatus: () => emit('status', currentStatus(context)),
  };

  const unsubscribers = [
    timer.onEvent(() => context.publishStatus()),
    notices.onChange((list) => emit('notices', list)),
    settings.onChange(() => {
      timer.updateSettings(settings.effective());
      emit('settings', settingsView(context));
      context.publishStatus();
    }),
  ];

  const handlers: Handlers = {
    ...statusHandlers(context),
    ...settingsHandlers(context),
  };

  return {
    handlers,
    context,
    status: () => currentStatus(context),
    onStatus(listener) {
      const wrapped: AppEventListener = (event, payload) => {
        if (event === 'status') listener(payload as Status);
      };
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    timer,
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      listeners.clear();
      timer.dispose();
    },
  };
}
