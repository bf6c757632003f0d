import type { TFunction } from 'i18next';
import type {
  EventName,
  EventPayload,
  Handlers,
  LocaleView,
  Status,
  TherapyView,
} from '../contract/contract';
import type { Policy } from '../contract/settings';
import type { IdleProbe, TimerService } from '../core/breaks/api';
import { createTimerService } from '../core/breaks/service';
import type { Clock } from '../core/time/clock';
import type { AppContext } from './context';
import { type CustomExerciseStore, memoryCustomExerciseStore } from './custom-exercise-store';
import { createExerciseLibrary } from './exercise-library';
import { createBreakFeature } from './features/breaks';
import { checkinHandlers } from './features/checkin';
import { checklistHandlers } from './features/checklist';
import { exerciseHandlers } from './features/exercises';
import { createFocusFeature, type FocusFeature } from './features/focus';
import { healthHandlers } from './features/health';
import { createLocaleFeature } from './features/locale';
import { settingsHandlers, settingsView } from './features/settings';
import { statsHandlers } from './features/stats';
import { currentStatus, statusHandlers } from './features/status';
import { createTherapyFeature } from './features/therapy';
import { createAppHistory } from './history/app-history';
import { createNoticeBoard } from './notices';
import type { SignalSupport } from './platform';
import { type HistoryStore, type Logger, type SettingsStore, silentLogger } from './ports';
import { type AppResources, countArmedTimers } from './resources';
import { memoryRotationStore, type RotationStore } from './rotation-store';
import { createSettingsState } from './settings-state';
import { memoryTherapyPrefs, type TherapyPrefsStore } from './therapy-prefs';
import { memoryTherapySessionStore, type TherapySessionStore } from './therapy-session-store';
import { createAppTranslator } from './translator';

export interface AppDeps {
  clock: Clock;
  settingsStore: SettingsStore;
  history: HistoryStore;
  /** Where an unreadable settings file was moved by the store, if it was. */
  settingsMovedAside?: string | null;
  /** Why the settings folder cannot be written, if it cannot. */
  settingsStorageFailure?: string | null;
  /** The organisation's policy, already read and validated by the host. */
  policy?: Policy;
  idle?: IdleProbe;
  timeZone: string;
  /** What the host's desktop can report; defaults to everything but do-not-disturb. */
  signalSupport?: SignalSupport;
  logger?: Logger;
  /** Where the therapy safety steps the person hid are kept; in memory when absent. */
  therapyPrefs?: TherapyPrefsStore;
  /** Where the heat or ice session on now is kept across a quit or crash; in memory when absent. */
  therapySession?: TherapySessionStore;
  /** Opens an https address in the person's browser (Electron: shell.openExternal). */
  openExternal?: (url: string) => void;
  /** The exercise rotation's state and the person's own exercises; in memory when absent. */
  exerciseStores?: { rotation: RotationStore; custom: CustomExerciseStore };
  /**
   * The system's preferred languages, most preferred first (Electron's
   * getPreferredSystemLanguages, a browser's Accept-Language); English when absent.
   */
  systemLanguages?: readonly string[];
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
  /** The heat or ice session as the person sees it (the tray counts it down). */
  therapy(): TherapyView;
  /** Meeting-aware breaks: the host reports which focus signals it can read. */
  focus: Pick<FocusFeature, 'reportSupport'>;
  /** The app's words in the language in force; the same function across changes of language. */
  t: TFunction;
  /** The language in force; `locale` events tell of changes. */
  locale: { view(): LocaleView; setSystemLanguages(languages: readonly string[]): void };
  context: AppContext;
  timer: TimerService;
  /** Listeners and armed timers held now, for diagnostics and tests (never sent to a window). */
  resources(): AppResources;
  dispose(): void;
}

/** Builds the core services and holds their state: the one app every host runs. */
export function createApp(deps: AppDeps): UnhunchApp {
  const logger = deps.logger ?? silentLogger;
  // Every timer of the app is armed on this clock, so `resources()` can count them.
  const { clock, armed: armedTimers } = countArmedTimers(deps.clock);
  const notices = createNoticeBoard();
  if (deps.settingsMovedAside) {
    notices.add({ id: 'settings-unreadable', detail: deps.settingsMovedAside });
  }
  if (deps.settingsStorageFailure) {
    notices.add({ id: 'storage-failed', detail: deps.settingsStorageFailure });
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
    clock,
    settings: settings.effective(),
    timeZone: deps.timeZone,
    ...(idle ? { idle } : {}),
  });

  const history = createAppHistory({
    store: deps.history,
    settings,
    notices,
    logger,
    clock,
    timeZone: deps.timeZone,
  });

  const translator = createAppTranslator();
  const listeners = new Set<AppEventListener>();
  const emit: AppEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const context: AppContext = {
    clock,
    timeZone: deps.timeZone,
    timer,
    settings,
    history,
    notices,
    signalSupport,
    logger,
    exercises: createExerciseLibrary({
      settings,
      rotation: deps.exerciseStores?.rotation ?? memoryRotationStore(),
      custom: deps.exerciseStores?.custom ?? memoryCustomExerciseStore(),
      t: translator.t,
      logger,
    }),
    emit,
    publishStatus: () => emit('status', currentStatus(context)),
    ...(deps.openExternal ? { openExternal: deps.openExternal } : {}),
  };

  const unsubscribers = [
    timer.onEvent(() => context.publishStatus()),
    timer.onEvent((event) => history.record(event)),
    notices.onChange((list) => emit('notices', list)),
    settings.onChange(() => {
      timer.updateSettings(settings.effective());
      emit('settings', settingsView(context));
      context.publishStatus();
    }),
  ];
  const therapy = createTherapyFeature(
    context,
    deps.therapyPrefs ?? memoryTherapyPrefs(),
    deps.therapySession ?? memoryTherapySessionStore(),
  );
  unsubscribers.push(therapy.dispose);
  const breaks = createBreakFeature(context);
  unsubscribers.push(breaks.dispose);
  const focus = createFocusFeature(context);
  unsubscribers.push(focus.dispose);
  const locale = createLocaleFeature(context, translator, deps.systemLanguages ?? []);
  unsubscribers.push(locale.dispose);

  const handlers: Handlers = {
    ...statusHandlers(context),
    ...settingsHandlers(context),
    ...statsHandlers(context),
    ...checklistHandlers(context),
    ...healthHandlers(context),
    ...therapy.handlers,
    ...breaks.handlers,
    ...exerciseHandlers(context),
    ...focus.handlers,
    ...locale.handlers,
    ...checkinHandlers(context),
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
    therapy: therapy.view,
    focus: { reportSupport: focus.reportSupport },
    t: translator.t,
    locale: { view: locale.view, setSystemLanguages: locale.setSystemLanguages },
    timer,
    resources: () => ({ eventListeners: listeners.size, timers: armedTimers() }),
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      listeners.clear();
      timer.dispose();
    },
  };
}
