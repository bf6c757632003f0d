import {
  type DesktopSnapshot,
  type MeetingApp,
  meetingAppSeen,
  type Reading,
} from '../../core/focus/signals';

/**
 * Is a meeting app of the person's list (`deferral.meetingAppList`) in a meeting? By
 * window title or process name, from the desktop snapshot (./desktop.ts); the matching
 * rules are the core's (src/core/focus/signals.ts).
 */
export function readMeetingApps(desktop: DesktopSnapshot, list: readonly MeetingApp[]): Reading {
  return meetingAppSeen(desktop, list).reading;
}
