import { powerMonitor } from 'electron';
import type { TimerService } from '../core/breaks/api';

/**
 * powerMonitor -> the core's activity signals. No decisions here. Lock/unlock do not
 * fire on Linux and idle time is unreliable under Wayland; the core treats idle as a
 * sample, so a missing signal degrades to "no natural break detected", never a crash.
 */
export function wirePowerSignals(timer: TimerService) {
  powerMonitor.on('suspend', () => timer.signal({ type: 'suspend' }));
  powerMonitor.on('resume', () => timer.signal({ type: 'resume' }));
  powerMonitor.on('lock-screen', () => timer.signal({ type: 'lock' }));
  powerMonitor.on('unlock-screen', () => timer.signal({ type: 'unlock' }));
}

export function systemIdleSeconds(): number {
  return powerMonitor.getSystemIdleTime();
}
