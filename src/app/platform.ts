/**
 * Which activity signals this desktop can give, and so what Unhunch can promise.
 * Electron's lock/unlock events do not fire on Linux, idle time is unreliable under
 * Wayland, and no Electron API reads the OS do-not-disturb state. Each gap has a
 * fallback, and the UI says which one is in force rather than failing quietly.
 */
export interface SignalSupport {
  /** Natural breaks need idle time; on Wayland it may read 0 forever. */
  idle: 'reliable' | 'unreliable';
  /** Without lock events a locked screen still counts, through idle time. */
  lock: 'events' | 'idle-only';
  /**
   * No Electron API. The Electron host's focus detectors (src/main/focus) read it, and
   * calls and presentations, where the platform allows; what they can read is reported
   * at run time (`getFocusSignals`), since a tool may be missing. Elsewhere the user
   * pauses Unhunch for meetings.
   */
  doNotDisturb: 'unavailable';
}

export interface HostFacts {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function signalSupport({ platform, env }: HostFacts): SignalSupport {
  const wayland =
    platform === 'linux' &&
    (env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY ?? '') !== '');
  return {
    idle: wayland ? 'unreliable' : 'reliable',
    lock: platform === 'linux' ? 'idle-only' : 'events',
    doNotDisturb: 'unavailable',
  };
}
