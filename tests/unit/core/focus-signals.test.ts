import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEETING_APPS,
  MAX_TITLE_PATTERN_CHARS,
  MAX_WINDOW_TITLE_CHARS,
  meetingAppSeen,
  processName,
  titlePattern,
} from '../../../src/core/focus/signals';

const withTitle = (title: string) =>
  meetingAppSeen({ windowTitles: [title], processes: [] }, DEFAULT_MEETING_APPS);

describe('meeting apps by window title and process', () => {
  it('the defaults see a meeting in each app, not the app sitting open', () => {
    expect(withTitle('Zoom Meeting')).toEqual({ reading: 'on', app: 'Zoom' });
    expect(withTitle('Zoom Workplace')).toEqual({ reading: 'off' });
    expect(withTitle('Meeting in "General" | Microsoft Teams')).toMatchObject({ reading: 'on' });
    expect(withTitle('Weekly sync | Meeting compact view | Microsoft Teams').reading).toBe('on');
    expect(withTitle('Call with Ana Souza | Microsoft Teams').reading).toBe('on');
    expect(withTitle('Chat | Microsoft Teams').reading).toBe('off');
    expect(withTitle('Cisco Webex Meetings').reading).toBe('on');
    expect(withTitle('Meet - abc-defg-hij - Google Chrome').reading).toBe('on');
    expect(withTitle('Meet – abc-defg-hij – Microsoft Edge').reading).toBe('on');
    expect(withTitle('Huddle: #design – Slack').reading).toBe('on');
    expect(withTitle('design (Channel) - Acme - Slack').reading).toBe('off');
  });

  it('a process matches by name, whatever its folder, case or .exe', () => {
    expect(processName('C:\\Program Files\\Zoom\\bin\\CptHost.exe')).toBe('cpthost');
    expect(
      meetingAppSeen(
        { windowTitles: null, processes: ['/Applications/zoom.us.app/Contents/MacOS/CptHost'] },
        DEFAULT_MEETING_APPS,
      ),
    ).toEqual({ reading: 'on', app: 'Zoom' });
  });

  it('a title pattern matches anywhere, ignoring case, with * for any text', () => {
    expect(titlePattern('zoom meeting')('My ZOOM MEETING window')).toBe(true);
    expect(titlePattern('Call with*| Teams')('Call with Bo | Teams')).toBe(true);
    expect(titlePattern('a.b')('axb')).toBe(false);
    expect(titlePattern('  ')('anything')).toBe(false);
  });

  it('a web page titled to trap the matcher cannot freeze it: a*a*b over 4,000 letters', () => {
    // A regex with .* for each star backtracks for tens of seconds here (over the test's timeout).
    expect(titlePattern('a*a*b')('a'.repeat(4000))).toBe(false);
    expect(titlePattern('a*a*a*a*c')(`${'a'.repeat(900)}c`)).toBe(true);
  });

  it('finds a match exactly when a regex with .* for each star would', () => {
    const letters = fc.constantFrom('a', 'b', 'A', '*', ' ');
    fc.assert(
      fc.property(
        fc.string({ unit: letters, minLength: 1, maxLength: 8 }),
        fc.string({ unit: letters, maxLength: 24 }),
        (pattern, title) => {
          const regex = new RegExp(pattern.split('*').join('.*'), 'i');
          expect(titlePattern(pattern)(title)).toBe(pattern.trim() !== '' && regex.test(title));
        },
      ),
    );
  });

  it('looks at a title up to its bound, and a pattern over the bound matches nothing', () => {
    const long = `${'x'.repeat(MAX_WINDOW_TITLE_CHARS)}Zoom Meeting`;
    expect(titlePattern('Zoom Meeting')(long)).toBe(false);
    expect(titlePattern('x'.repeat(MAX_TITLE_PATTERN_CHARS + 1))('x'.repeat(500))).toBe(false);
  });

  it('with nothing to look at, a meeting is unknown rather than off', () => {
    expect(meetingAppSeen({ windowTitles: null, processes: null }, DEFAULT_MEETING_APPS)).toEqual({
      reading: 'unknown',
    });
  });
});
