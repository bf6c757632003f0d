/**
 * Focus signals: what tells Unhunch the person is in a meeting, presenting or has
 * asked not to be disturbed. The host reads them (src/main/focus) and reports each
 * on or off; the timer service holds a due break while one that the settings allow
 * is on (docs/focus.md).
 */
export const FOCUS_SIGNALS = [
  'camera',
  'microphone',
  'screenSharing',
  'fullscreen',
  'meetingApps',
  'doNotDisturb',
] as const;

/** In that order, too, the one a held break names when several are on. */
export type FocusSignal = (typeof FOCUS_SIGNALS)[number];

export function isFocusSignal(value: unknown): value is FocusSignal {
  return typeof value === 'string' && (FOCUS_SIGNALS as readonly string[]).includes(value);
}

/**
 * A meeting app as the person lists it: a window title pattern, a process name, or
 * both (either one matching is enough). Titles match anywhere in the title, ignoring
 * case, and `*` stands for any text; a process matches by its name without `.exe`.
 */
export interface MeetingApp {
  name: string;
  windowTitle?: string;
  process?: string;
}

/**
 * Window titles and process names are what is visible without special permissions;
 * an app that runs all day (Teams, Slack) is matched by its meeting window's title,
 * not by its process, or every break would wait all day.
 */
export const DEFAULT_MEETING_APPS: readonly MeetingApp[] = [
  // CptHost runs only while a Zoom meeting is on (macOS and Windows).
  { name: 'Zoom', windowTitle: 'Zoom Meeting', process: 'CptHost' },
  { name: 'Zoom webinar', windowTitle: 'Zoom Webinar' },
  { name: 'Microsoft Teams', windowTitle: 'Meeting*| Microsoft Teams' },
  { name: 'Microsoft Teams call', windowTitle: 'Call with*| Microsoft Teams' },
  { name: 'Webex', windowTitle: 'Webex Meeting' },
  { name: 'Google Meet', windowTitle: 'Meet - ' },
  { name: 'Google Meet', windowTitle: 'Meet – ' },
  { name: 'Slack huddle', windowTitle: 'Huddle*Slack' },
];

/**
 * Window titles of the bars browsers and Zoom open while the screen is shared.
 * Best effort: a meeting app that shares without such a window is seen as a meeting.
 */
export const SCREEN_SHARING_TITLES: readonly string[] = [
  'is sharing your screen',
  'is sharing a window',
  'is sharing this tab',
  'Sharing Indicator',
  'You are screen sharing',
];

/**
 * Window titles come from any web page, so matching is bounded: a title is looked at up
 * to this many characters and a pattern longer than the settings allow matches nothing.
 */
export const MAX_WINDOW_TITLE_CHARS = 1024;
export const MAX_TITLE_PATTERN_CHARS = 200;

/**
 * A title pattern (`*` for any text, matched anywhere, case ignored) as a test. The
 * pieces between the stars are found in order, each at its first place after the one
 * before: that finds a match whenever there is one, with no backtracking, so the time
 * grows with the title's length, never with how the stars could be arranged.
 */
export function titlePattern(pattern: string): (title: string) => boolean {
  if (pattern.trim() === '' || pattern.length > MAX_TITLE_PATTERN_CHARS) return () => false;
  const pieces = pattern
    .toLowerCase()
    .split('*')
    .filter((piece) => piece !== '');
  return (title) => {
    const text = title.slice(0, MAX_WINDOW_TITLE_CHARS).toLowerCase();
    let from = 0;
    for (const piece of pieces) {
      const at = text.indexOf(piece, from);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  };
}

/** A process name as the lists compare it: no directory, no `.exe`, lower case. */
export function processName(path: string): string {
  const base = path.trim().split(/[\\/]/).pop() ?? '';
  return base.replace(/\.exe$/i, '').toLowerCase();
}

/** What the host could see of the desktop: null where it cannot look. */
export interface DesktopSnapshot {
  windowTitles: string[] | null;
  processes: string[] | null;
}

export type Reading = 'on' | 'off' | 'unknown';

/** The first meeting app of the list that the desktop shows, by name; `unknown` when nothing could be read. */
export function meetingAppSeen(
  desktop: DesktopSnapshot,
  apps: readonly MeetingApp[],
): { reading: Reading; app?: string } {
  if (desktop.windowTitles === null && desktop.processes === null) return { reading: 'unknown' };
  const processes = new Set((desktop.processes ?? []).map(processName));
  for (const app of apps) {
    const byTitle =
      app.windowTitle !== undefined &&
      desktop.windowTitles?.some(titlePattern(app.windowTitle)) === true;
    const byProcess = app.process !== undefined && processes.has(processName(app.process));
    if (byTitle || byProcess) return { reading: 'on', app: app.name };
  }
  return { reading: 'off' };
}

/** Is a screen-sharing bar among the windows? `unknown` without window titles. */
export function screenSharingSeen(desktop: DesktopSnapshot): Reading {
  if (desktop.windowTitles === null) return 'unknown';
  const seen = SCREEN_SHARING_TITLES.map(titlePattern);
  return desktop.windowTitles.some((title) => seen.some((matches) => matches(title)))
    ? 'on'
    : 'off';
}
