import { describe, expect, it } from 'vitest';
import { signalSupport } from '../../../src/app/platform';

describe('what each desktop can tell Unhunch', () => {
  it('on Wayland, idle time is marked unreliable so natural breaks are not promised', () => {
    expect(signalSupport({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' } }).idle).toBe(
      'unreliable',
    );
    expect(signalSupport({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } }).idle).toBe(
      'unreliable',
    );
  });

  it('on X11, Windows and macOS idle time is used', () => {
    expect(signalSupport({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' } }).idle).toBe(
      'reliable',
    );
    expect(signalSupport({ platform: 'win32', env: {} }).idle).toBe('reliable');
    expect(signalSupport({ platform: 'darwin', env: {} }).idle).toBe('reliable');
  });

  it('on Linux a locked screen counts only through idle time, since lock events never fire', () => {
    expect(signalSupport({ platform: 'linux', env: {} }).lock).toBe('idle-only');
    expect(signalSupport({ platform: 'win32', env: {} }).lock).toBe('events');
  });

  it('never claims to read the system do-not-disturb state', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      expect(signalSupport({ platform, env: {} }).doNotDisturb).toBe('unavailable');
    }
  });
});
