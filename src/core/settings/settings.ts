import { CHECKIN_DEFAULT_CRON } from '../checkin/routine';
import { DEFAULT_MEETING_APPS, type MeetingApp } from '../focus/signals';
import type { LanguageSetting } from '../locale/language';
import { THERAPY_DEFAULT_MINUTES, THERAPY_MAX_MINUTES } from '../therapy/limits';
import { HOUR, MINUTE, SECOND } from '../time/duration';
import { HISTORY_KEEP_DAYS_DEFAULT } from './limits';

/**
 * The settings the core decides with: the key shape of docs/settings.md ("Settings and
 * policy keys") with every duration already parsed to milliseconds. The files keep
 * the string form; `src/contract/settings.ts` converts at the edge.
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface BreakKindSettings {
  enabled: boolean;
  everyMs: number;
  durationMs: number;
}

export interface WorkHours {
  days: Weekday[];
  /** "HH:MM", local time of the user's time zone. */
  from: string;
  to: string;
}

export interface Routine {
  id: string;
  cron: string;
}

export interface Settings {
  microBreak: BreakKindSettings;
  longBreak: BreakKindSettings;
  warningBeforeMs: number;
  postpone: { durationMs: number; maxPerBreak: number };
  skip: { maxPerDay: number | null };
  strictMode: boolean;
  naturalBreaks: boolean;
  /** null means always. */
  workHours: WorkHours | null;
  therapy: { defaultMinutes: number; capMinutes: number; restBetweenMs: number };
  routines: Routine[];
  /** How a due break is announced: a desktop notification, a sound and its volume (0–100). */
  notifications: { enabled: boolean; sound: boolean; volume: number };
  /** Start Unhunch when the user logs in. */
  startup: { openAtLogin: boolean };
  /** How many days of history this machine keeps; older records are dropped. */
  history: { keepDays: number };
  /** The person's choices about the exercise rotation, by exercise id. */
  exercises: { favourites: string[]; hidden: string[] };
  /** Which focus signals hold a due break, and for how long at most (docs/focus.md). */
  deferral: DeferralSettings;
  /** Posture-change prompts for sit-stand desks, on Cornell's 20-8-2 pattern; off by default. */
  sitStand: { enabled: boolean; sitMinutes: number; standMinutes: number; moveMinutes: number };
  /** The language of the words: the system's (best supported match) unless one is chosen. */
  language: LanguageSetting;
  /** Light or dark: the system's unless one is chosen. */
  theme: ThemeSetting;
  /**
   * The weekly upper-back check-in (docs/checkin.md): off until the person turns it
   * on. Personal: no policy may set, lock or read it (the policy schema refuses it).
   */
  checkin: { enabled: boolean; cron: string };
}

export const THEME_SETTINGS = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEME_SETTINGS)[number];

export interface DeferralSettings {
  /** A held break shows as a gentle notification after this long; 0 holds nothing. */
  maxMinutes: number;
  camera: boolean;
  microphone: boolean;
  fullscreen: boolean;
  screenSharing: boolean;
  doNotDisturb: boolean;
  meetingApps: boolean;
  meetingAppList: MeetingApp[];
}

/**
 * Defaults from docs/sources.md: a 30 s micro break every 20 min (McLean et al. 2001),
 * a 5 min long break every hour (NIOSH, Galinsky et al.), therapy 15 min capped at 20
 * with an hour's rest (MPFT NHS, Cleveland Clinic).
 */
export const DEFAULT_SETTINGS: Settings = {
  microBreak: { enabled: true, everyMs: 20 * MINUTE, durationMs: 30 * SECOND },
  longBreak: { enabled: true, everyMs: HOUR, durationMs: 5 * MINUTE },
  warningBeforeMs: 30 * SECOND,
  postpone: { durationMs: 5 * MINUTE, maxPerBreak: 2 },
  skip: { maxPerDay: null },
  strictMode: false,
  naturalBreaks: true,
  workHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' },
  therapy: {
    defaultMinutes: THERAPY_DEFAULT_MINUTES,
    capMinutes: THERAPY_MAX_MINUTES,
    restBetweenMs: HOUR,
  },
  routines: [{ id: 'checklist-recheck', cron: '0 10 * * 1' }],
  notifications: { enabled: true, sound: true, volume: 60 },
  startup: { openAtLogin: true },
  history: { keepDays: HISTORY_KEEP_DAYS_DEFAULT },
  exercises: { favourites: [], hidden: [] },
  deferral: {
    maxMinutes: 30,
    camera: true,
    microphone: true,
    fullscreen: true,
    screenSharing: true,
    doNotDisturb: true,
    meetingApps: true,
    meetingAppList: DEFAULT_MEETING_APPS.map((app) => ({ ...app })),
  },
  // Each 30 minutes: sit 20, stand 8, move 2 (Cornell, Hedge; docs/sources.md "Breaks").
  sitStand: { enabled: false, sitMinutes: 20, standMinutes: 8, moveMinutes: 2 },
  language: 'system',
  theme: 'system',
  checkin: { enabled: false, cron: CHECKIN_DEFAULT_CRON },
};
