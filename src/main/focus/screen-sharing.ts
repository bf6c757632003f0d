import { type DesktopSnapshot, type Reading, screenSharingSeen } from '../../core/focus/signals';

/**
 * Is the screen being shared? Best effort on every platform: no system API says so
 * without a native helper, so it is the sharing bars browsers and Zoom put on screen,
 * found by window title (Windows, Linux on X11). A meeting app sharing without such a
 * bar still holds breaks as a meeting app.
 */
export function readScreenSharing(desktop: DesktopSnapshot): Reading {
  return screenSharingSeen(desktop);
}
