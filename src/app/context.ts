import type { AppEvent } from '../contract/contract';
import type { TimerService } from '../core/breaks/api';
import type { Clock } from '../core/time/clock';
import type { ExerciseLibrary } from './exercise-library';
import type { AppHistory } from './history/app-history';
import type { NoticeBoard } from './notices';
import type { SignalSupport } from './platform';
import type { Logger } from './ports';
import type { SettingsState } from './settings-state';

/** What every feature of the app is built from. Features live in ./features. */
export interface AppContext {
  clock: Clock;
  timeZone: string;
  timer: TimerService;
  settings: SettingsState;
  history: AppHistory;
  notices: NoticeBoard;
  signalSupport: SignalSupport;
  logger: Logger;
  /** Every exercise a break may show, the rotation and the person's own exercises. */
  exercises: ExerciseLibrary;
  /** Push an event of the contract to every connected UI. */
  emit(...event: AppEvent): void;
  /** Push the current status (after anything that may have changed it). */
  publishStatus(): void;
  /** Open an https address in the person's browser; absent where the host cannot (web). */
  openExternal?: (url: string) => void;
}
