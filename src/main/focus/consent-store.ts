import { parseRegQuery } from '../../app/policy/registry';
import type { Reading } from '../../core/focus/signals';
import type { FocusHost } from './host';

/**
 * Windows records each app's use of the camera and the microphone under the
 * capability access manager's consent store, per user: while an app uses the device,
 * its `LastUsedTimeStop` is 0. No permission is needed to read one's own key.
 */
export const CONSENT_STORE =
  'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore';

/** `reg query <store>\\webcam /s` output: on when some app's use has started and not stopped. */
export function deviceInUseFromConsentStore(output: string): Reading {
  const keys = parseRegQuery(output);
  if (keys.length === 0) return 'unknown';
  const inUse = keys.some((key) => {
    const start = key.values.LastUsedTimeStart;
    const stop = key.values.LastUsedTimeStop;
    return (
      start?.type === 'REG_QWORD' && start.data > 0 && stop?.type === 'REG_QWORD' && stop.data === 0
    );
  });
  return inUse ? 'on' : 'off';
}

export async function readConsentStore(
  host: FocusHost,
  device: 'webcam' | 'microphone',
): Promise<Reading> {
  const result = await host.run('reg', ['query', `${CONSENT_STORE}\\${device}`, '/s']);
  return result.ok ? deviceInUseFromConsentStore(result.stdout) : 'unknown';
}
