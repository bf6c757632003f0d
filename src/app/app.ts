import type { Handlers, Notice, Status } from '../contract/contract';
import { effectiveSettings, parseSettingsFile } from '../contract/settings';
import type { IdleProbe, PauseRequest, TimerService } from '../core/breaks/api';
import { createTimerService } from '../core/breaks/service';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings/settings';
import type { Clock } from '../core/time/clock';
import { MINUTE } from '../core/time/duration';
import type { SignalSupport } from './platform';
import { type Logger, type SettingsStore, silentLogger } from './ports';

export interface AppDeps {
  clock: Clock;
  settingsStore: SettingsStore;
  /** Where an unreadable settings file was moved by the store, if it was. */
  settingsMovedAside?: string | null;
  idle?: IdleProbe;
  timeZone: string;
  /** What the host's desktop can report; defaults to everything but do-not-disturb. */
  signalSupport?: SignalSupport;
  logger?: Logger;
}

export interface UnhunchApp {
  /** The contract's calls, implemented; hosts bind them through `dispatchCall`. */
  handlers: Handlers;
  status(): Status;
  /** Called whenever the status may have changed; returns the unsubscribe function. */
  onStatus(listener: (status: Status) => void): () => void;
  timer: TimerService;
  dispose(): void;
}

/** The user's stored choices over the defaults; bad stored values never stop the app. */
function loadSettings(store: SettingsStore, logger: Logger, notices: Notice[]): Settings {
  const parsed = parseSettingsFile(store.load() ?? {});
  if (parsed.ok) return effectiveSettings(parsed.file);
  for (const issue of parsed.issues) logger.warn(`settings ignored: ${issue}`);
  notices.push({ id: 'settings-invalid', detail: parsed.issues.join('; ') });
  return DEFAULT_SETTINGS;
}

function toPauseRequest(input: Parameters<Handlers['pause']>[0]): PauseRequest {
  if ('minutes' in input) return { for: input.minutes * MINUTE };
  if ('until' in input) return { until: input.until };
  if ('untilTomorrow' in input) return { untilTomorrow: true };
  return { indefinitely: true };
}

/** Builds the core services and holds their state: the one app every host runs. */
export function createApp(deps: AppDeps): UnhunchApp {
  const logger = deps.logger ?? silentLogger;
  const notices: Notice[] = [];
  if (deps.settingsMovedAside) {
    notices.push({ id: 'settings-unreadable', detail: deps.settingsMovedAside });
  }
  const settings = loadSettings(deps.settingsStore, logger, notices);
  const support: SignalSupport = deps.signalSupport ?? {
    idle: 'reliable',
    lock: 'events',
    doNotDisturb: 'unavailable',
  };
  // An idle reading we cannot trust would invent natural breaks: leave it out instead.
  const idle = support.idle === 'reliable' ? deps.idle : undefined;
  const timer = createTimerService({
    clock: deps.clock,
    settings,
    timeZone: deps.timeZone,
    ...(idle ? { idle } : {}),
  });
  const listeners = new Set<(status: Status) => void>();

  const status = (): Status => ({ ...timer.status(), now: deps.clock.now() });
  const publish = () => {
    const current = status();
    for (const listener of listeners) listener(current);
  };
  const unsubscribeTimer = timer.onEvent(publish);

  const handlers: Handlers = {
    getStatus: () => status(),
    pause: (input) => {
      const result = timer.pause(toPauseRequest(input));
      if (!result.ok) logger.warn(`pause refused: ${result.reason}`);
      publish();
      return result;
    },
    resume: () => {
      const result = timer.resume();
      publish();
      return result;
    },
    getSignalSupport: () => support,
    getNotices: () => notices,
  };

  return {
    handlers,
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    timer,
    dispose() {
      unsubscribeTimer();
      listeners.clear();
      timer.dispose();
    },
  };
}
