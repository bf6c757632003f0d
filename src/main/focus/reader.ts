import type { FocusReadings } from '../../app/focus-provider';
import { FOCUS_SIGNALS, type FocusSignal, type Reading } from '../../core/focus/signals';
import type { DeferralSettings } from '../../core/settings/settings';
import { readCamera } from './camera';
import { readDesktop } from './desktop';
import { readDoNotDisturb } from './do-not-disturb';
import { readFullscreen } from './fullscreen';
import type { FocusHost } from './host';
import { readMeetingApps } from './meeting-apps';
import { readMicrophone } from './microphone';
import { readScreenSharing } from './screen-sharing';

/** Reads the signals the settings turn on; a detector that fails reads `unknown`, never throws. */
export function focusReader(host: FocusHost) {
  return async (deferral: DeferralSettings): Promise<FocusReadings> => {
    const wanted = FOCUS_SIGNALS.filter((signal) => deferral[signal]);
    const desktop =
      deferral.meetingApps || deferral.screenSharing ? await safely(() => readDesktop(host)) : null;
    const read: Record<FocusSignal, () => Promise<Reading>> = {
      camera: () => readCamera(host),
      microphone: () => readMicrophone(host),
      fullscreen: () => readFullscreen(host),
      doNotDisturb: () => readDoNotDisturb(host),
      meetingApps: async () =>
        desktop === 'failed' || desktop === null
          ? 'unknown'
          : readMeetingApps(desktop, deferral.meetingAppList),
      screenSharing: async () =>
        desktop === 'failed' || desktop === null ? 'unknown' : readScreenSharing(desktop),
    };
    const readings = await Promise.all(
      wanted.map(async (signal) => {
        const reading = await safely(read[signal]);
        return [signal, reading === 'failed' ? 'unknown' : reading] as const;
      }),
    );
    return Object.fromEntries(readings);
  };
}

async function safely<T>(read: () => Promise<T>): Promise<T | 'failed'> {
  try {
    return await read();
  } catch {
    return 'failed';
  }
}
