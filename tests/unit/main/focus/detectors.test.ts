import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_APPS } from '../../../../src/core/focus/signals';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings/settings';
import { readCamera, videoDeviceOpen } from '../../../../src/main/focus/camera';
import { deviceInUseFromConsentStore } from '../../../../src/main/focus/consent-store';
import { desktopFromTasklist, readDesktop } from '../../../../src/main/focus/desktop';
import {
  doNotDisturbFromGsettings,
  doNotDisturbFromRegistry,
  focusFromAssertions,
  MAC_FOCUS_ASSERTIONS,
  readDoNotDisturb,
} from '../../../../src/main/focus/do-not-disturb';
import {
  activeWindowFromXprop,
  fullscreenFromNotificationState,
  fullscreenFromXprop,
  readFullscreen,
} from '../../../../src/main/focus/fullscreen';
import {
  type CommandResult,
  type FocusHost,
  systemFocusHost,
} from '../../../../src/main/focus/host';
import { readMeetingApps } from '../../../../src/main/focus/meeting-apps';
import { readMicrophone, recordingFromPactl } from '../../../../src/main/focus/microphone';
import { focusReader } from '../../../../src/main/focus/reader';
import { readScreenSharing } from '../../../../src/main/focus/screen-sharing';

/** A platform tool's output as recorded (tests/fixtures/focus). */
const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/focus/${name}`, import.meta.url), 'utf8');
const GARBAGE = fixture('garbage.txt');

const printed = (name: string): CommandResult => ({ ok: true, stdout: fixture(name) });
const missing: CommandResult = { ok: false, missing: true, exitCode: null, stdout: '' };

/**
 * A machine whose tools print recorded outputs: `commands` maps "tool arg arg" to what
 * it printed; anything else is not installed. Files and /proc are real, in a temp folder.
 */
function machine(
  platform: NodeJS.Platform,
  commands: Record<string, CommandResult> = {},
  extra: Partial<FocusHost> = {},
): FocusHost & { ran: string[] } {
  const ran: string[] = [];
  return {
    ...systemFocusHost(),
    platform,
    env: {},
    procRoot: join(tmpdir(), 'unhunch-no-such-proc'),
    homeDir: join(tmpdir(), 'unhunch-no-such-home'),
    ownPid: 1,
    async run(command, args) {
      const line = [command, ...args].join(' ');
      ran.push(line);
      return commands[line] ?? missing;
    },
    ...extra,
    ran,
  };
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A /proc with these processes, each with its name and the links in its fd folder. */
function procWith(processes: { pid: number; comm: string; fds: string[] }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'unhunch-proc-'));
  temps.push(root);
  mkdirSync(join(root, 'self'));
  for (const { pid, comm, fds } of processes) {
    mkdirSync(join(root, String(pid), 'fd'), { recursive: true });
    writeFileSync(join(root, String(pid), 'comm'), `${comm}\n`);
    fds.forEach((target, fd) => {
      symlinkSync(target, join(root, String(pid), 'fd', String(fd)));
    });
  }
  return root;
}

const WEBCAM =
  'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam /s';
const MICROPHONE = WEBCAM.replace('webcam', 'microphone');

describe('camera', () => {
  it('Windows: an app whose use of the webcam has not stopped (LastUsedTimeStop 0) is on', async () => {
    expect(deviceInUseFromConsentStore(fixture('windows-webcam-in-use.txt'))).toBe('on');
    expect(deviceInUseFromConsentStore(fixture('windows-webcam-idle.txt'))).toBe('off');
    expect(
      await readCamera(machine('win32', { [WEBCAM]: printed('windows-webcam-in-use.txt') })),
    ).toBe('on');
  });

  it('Windows: garbage or a missing reg reads unknown', async () => {
    expect(deviceInUseFromConsentStore(GARBAGE)).toBe('unknown');
    expect(await readCamera(machine('win32'))).toBe('unknown');
  });

  it('Linux: another process holding /dev/video* is on; PipeWire and our own process are not', async () => {
    const inCall = procWith([
      { pid: 100, comm: 'bash', fds: ['/dev/pts/0'] },
      { pid: 200, comm: 'zoom', fds: ['/dev/null', 'socket:[1234]', '/dev/video0'] },
    ]);
    expect(await videoDeviceOpen(machine('linux', {}, { procRoot: inCall }))).toBe('on');
    const quiet = procWith([
      { pid: 300, comm: 'wireplumber', fds: ['/dev/video0', '/dev/video1'] },
      { pid: 400, comm: 'unhunch', fds: ['/dev/video2'] },
      { pid: 500, comm: 'firefox', fds: ['/dev/dri/card0', '/dev/video-not-a-camera'] },
    ]);
    expect(await readCamera(machine('linux', {}, { procRoot: quiet, ownPid: 400 }))).toBe('off');
  });

  it('Linux without /proc, and macOS, read unknown', async () => {
    expect(await readCamera(machine('linux'))).toBe('unknown');
    expect(await readCamera(machine('darwin'))).toBe('unknown');
  });
});

describe('microphone', () => {
  const pactl = (outputs: string) => ({
    'pactl list short sources': printed('linux-pactl-sources.txt'),
    'pactl list short source-outputs': printed(outputs),
  });

  it('Linux: a stream recording from a real source is on; from a monitor it is not', async () => {
    expect(
      await readMicrophone(machine('linux', pactl('linux-pactl-source-outputs-recording.txt'))),
    ).toBe('on');
    expect(
      await readMicrophone(machine('linux', pactl('linux-pactl-source-outputs-monitor.txt'))),
    ).toBe('off');
    expect(recordingFromPactl(fixture('linux-pactl-sources.txt'), '')).toBe('off');
  });

  it('Linux: garbage is no stream; no pactl is unknown', async () => {
    expect(recordingFromPactl(GARBAGE, GARBAGE)).toBe('off');
    expect(await readMicrophone(machine('linux'))).toBe('unknown');
  });

  it('Windows: the consent store, as for the camera', async () => {
    const host = machine('win32', { [MICROPHONE]: printed('windows-microphone-in-use.txt') });
    expect(await readMicrophone(host)).toBe('on');
    expect(await readMicrophone(machine('darwin'))).toBe('unknown');
  });
});

describe('fullscreen', () => {
  const x11 = (window: string) =>
    machine('linux', {
      'xprop -root _NET_ACTIVE_WINDOW': printed('linux-xprop-active-window.txt'),
      'xprop -id 0x4a00003 _NET_WM_STATE _NET_WM_PID': printed(window),
    });

  it('Linux X11: the active window in _NET_WM_STATE_FULLSCREEN is on, a maximised one is not', async () => {
    expect(await readFullscreen(x11('linux-xprop-window-fullscreen.txt'))).toBe('on');
    expect(await readFullscreen(x11('linux-xprop-window-maximized.txt'))).toBe('off');
  });

  it('Linux X11: our own fullscreen window does not count', () => {
    expect(fullscreenFromXprop(fixture('linux-xprop-window-fullscreen.txt'), 48213)).toBe('off');
  });

  it('Linux: no active window is off; garbage, no xprop or Wayland is unknown', async () => {
    expect(activeWindowFromXprop(fixture('linux-xprop-no-active-window.txt'))).toBeNull();
    expect(activeWindowFromXprop(GARBAGE)).toBeUndefined();
    expect(await readFullscreen(machine('linux'))).toBe('unknown');
    const wayland = x11('linux-xprop-window-fullscreen.txt');
    expect(await readFullscreen({ ...wayland, env: { XDG_SESSION_TYPE: 'wayland' } })).toBe(
      'unknown',
    );
  });

  it('Windows: the shell says a fullscreen app or presentation (2–4) is on', async () => {
    expect(
      fullscreenFromNotificationState(fixture('windows-notification-state-fullscreen.txt')),
    ).toBe('on');
    expect(fullscreenFromNotificationState(fixture('windows-notification-state-accepts.txt'))).toBe(
      'off',
    );
    expect(fullscreenFromNotificationState(GARBAGE)).toBe('unknown');
    const host = machine('win32');
    expect(await readFullscreen(host)).toBe('unknown');
    expect(host.ran[0]).toMatch(/^powershell\.exe -NoProfile .*SHQueryUserNotificationState/);
  });
});

describe('do-not-disturb', () => {
  it('macOS: a Focus assertion on record is on; none is off; unreadable or garbage is unknown', async () => {
    expect(focusFromAssertions(fixture('macos-focus-assertions-on.json'))).toBe('on');
    expect(focusFromAssertions(fixture('macos-focus-assertions-off.json'))).toBe('off');
    expect(focusFromAssertions(GARBAGE)).toBe('unknown');
    const home = mkdtempSync(join(tmpdir(), 'unhunch-home-'));
    temps.push(home);
    mkdirSync(join(home, 'Library/DoNotDisturb/DB'), { recursive: true });
    writeFileSync(join(home, MAC_FOCUS_ASSERTIONS), fixture('macos-focus-assertions-on.json'));
    expect(await readDoNotDisturb(machine('darwin', {}, { homeDir: home }))).toBe('on');
    expect(await readDoNotDisturb(machine('darwin'))).toBe('unknown');
  });

  it('Windows: notifications turned off (Do not disturb) is on; a value never written is off', async () => {
    expect(doNotDisturbFromRegistry(fixture('windows-notifications-dnd-on.txt'))).toBe('on');
    expect(doNotDisturbFromRegistry(fixture('windows-notifications-dnd-off.txt'))).toBe('off');
    expect(doNotDisturbFromRegistry(GARBAGE)).toBe('unknown');
    const query =
      'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings /v NOC_GLOBAL_SETTING_TOASTS_ENABLED';
    const notFound: CommandResult = {
      ok: false,
      missing: false,
      exitCode: 1,
      stdout: fixture('windows-reg-not-found.txt'),
    };
    expect(await readDoNotDisturb(machine('win32', { [query]: notFound }))).toBe('off');
    expect(await readDoNotDisturb(machine('win32'))).toBe('unknown');
  });

  it('GNOME: banners off is on; other desktops are unknown', async () => {
    expect(doNotDisturbFromGsettings(fixture('linux-gsettings-show-banners-false.txt'))).toBe('on');
    expect(doNotDisturbFromGsettings('true\n')).toBe('off');
    expect(doNotDisturbFromGsettings(GARBAGE)).toBe('unknown');
    const commands = {
      'gsettings get org.gnome.desktop.notifications show-banners': printed(
        'linux-gsettings-show-banners-false.txt',
      ),
    };
    const gnome = machine('linux', commands, { env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' } });
    expect(await readDoNotDisturb(gnome)).toBe('on');
    expect(
      await readDoNotDisturb(machine('linux', commands, { env: { XDG_CURRENT_DESKTOP: 'KDE' } })),
    ).toBe('unknown');
  });
});

describe('meeting apps and screen sharing', () => {
  const list = DEFAULT_MEETING_APPS;

  it('Windows: a Zoom meeting window or Meet in Chrome is a meeting; Teams chatting is not', async () => {
    const meeting = desktopFromTasklist(fixture('windows-tasklist-meeting.txt'));
    expect(meeting.windowTitles).toEqual([
      'Zoom Meeting',
      'Meet - abc-defg-hij - Google Chrome',
      'Chat | Microsoft Teams',
    ]);
    expect(meeting.processes).toContain('explorer.exe');
    expect(readMeetingApps(meeting, list)).toBe('on');
    const quiet = desktopFromTasklist(fixture('windows-tasklist-no-meeting.txt'));
    expect(readMeetingApps(quiet, list)).toBe('off');
    const host = machine('win32', {
      'tasklist /v /fo csv /nh': printed('windows-tasklist-meeting.txt'),
    });
    expect(readMeetingApps(await readDesktop(host), list)).toBe('on');
  });

  it('Linux X11: window titles from wmctrl, or from xprop when wmctrl is missing', async () => {
    const proc = procWith([{ pid: 10, comm: 'bash', fds: [] }]);
    const withWmctrl = machine(
      'linux',
      { 'wmctrl -l': printed('linux-wmctrl.txt') },
      { procRoot: proc },
    );
    const desktop = await readDesktop(withWmctrl);
    expect(desktop.windowTitles).toEqual([
      'Top Expanded Edge Panel',
      'Zoom Meeting',
      'Inbox - Mozilla Thunderbird',
    ]);
    expect(desktop.processes).toEqual(['bash']);
    expect(readMeetingApps(desktop, list)).toBe('on');
    const withXprop = machine(
      'linux',
      {
        'xprop -root _NET_CLIENT_LIST': printed('linux-xprop-client-list.txt'),
        'xprop -id 0x2200003 _NET_WM_NAME': printed('linux-xprop-name-panel.txt'),
        'xprop -id 0x3a00007 _NET_WM_NAME': printed('linux-xprop-name-zoom.txt'),
      },
      { procRoot: proc },
    );
    expect((await readDesktop(withXprop)).windowTitles).toEqual([
      'Top Expanded Edge Panel',
      'Zoom Meeting',
    ]);
  });

  it('macOS: processes only; Zoom in a meeting runs CptHost', async () => {
    const host = machine('darwin', {
      'ps -axo comm=': {
        ok: true,
        stdout:
          '/sbin/launchd\n/Applications/zoom.us.app/Contents/MacOS/zoom.us\n/Applications/zoom.us.app/Contents/Frameworks/cpthost.app/Contents/MacOS/CptHost\n',
      },
    });
    const desktop = await readDesktop(host);
    expect(desktop.windowTitles).toBeNull();
    expect(readMeetingApps(desktop, list)).toBe('on');
    expect(readScreenSharing(desktop)).toBe('unknown');
  });

  it('nothing readable is unknown; the person may add an app of their own', async () => {
    const nothing = await readDesktop(machine('win32'));
    expect(readMeetingApps(nothing, list)).toBe('unknown');
    const desktop = { windowTitles: ['Standup – Jitsi Meet'], processes: [] };
    expect(readMeetingApps(desktop, list)).toBe('off');
    expect(readMeetingApps(desktop, [...list, { name: 'Jitsi', windowTitle: 'jitsi meet' }])).toBe(
      'on',
    );
  });

  it('a browser sharing bar is screen sharing', () => {
    const sharing = {
      windowTitles: ['meet.google.com is sharing your screen.'],
      processes: null,
    };
    expect(readScreenSharing(sharing)).toBe('on');
    expect(readScreenSharing({ windowTitles: ['Inbox'], processes: null })).toBe('off');
  });
});

describe('reading every signal', () => {
  it('reads only the signals the settings turn on, and a machine with no tools reads unknown', async () => {
    const host = machine('linux');
    const readings = await focusReader(host)({
      ...DEFAULT_SETTINGS.deferral,
      camera: false,
      fullscreen: false,
    });
    expect(readings).toEqual({
      microphone: 'unknown',
      screenSharing: 'unknown',
      meetingApps: 'unknown',
      doNotDisturb: 'unknown',
    });
  });

  it('a detector that throws reads unknown, and the others still read', async () => {
    const host = machine('win32', { [WEBCAM]: printed('windows-webcam-in-use.txt') });
    const run = host.run;
    host.run = (command, args, timeout) => {
      if (command === 'powershell.exe') throw new Error('spawn EPERM');
      return run(command, args, timeout);
    };
    const readings = await focusReader(host)(DEFAULT_SETTINGS.deferral);
    expect(readings.camera).toBe('on');
    expect(readings.fullscreen).toBe('unknown');
    expect(readings.meetingApps).toBe('unknown');
  });
});
