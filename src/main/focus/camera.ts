import type { Reading } from '../../core/focus/signals';
import { readConsentStore } from './consent-store';
import { type FocusHost, processIds } from './host';

/**
 * Is a camera in use? Windows: the consent store (./consent-store.ts). Linux: a process
 * holding a video device open. macOS: not without a native helper (CoreMediaIO), so
 * `unknown`; meeting apps and Focus cover calls there.
 */
export async function readCamera(host: FocusHost): Promise<Reading> {
  if (host.platform === 'win32') return readConsentStore(host, 'webcam');
  if (host.platform === 'linux') return videoDeviceOpen(host);
  return 'unknown';
}

/** PipeWire and WirePlumber keep cameras open to list them; that is not a call. */
const DEVICE_MONITORS = new Set(['pipewire', 'wireplumber']);

const VIDEO_DEVICE = /^\/dev\/video\d+$/;

/**
 * Some process of this user (other than ours and the sound server) holds /dev/video*
 * open: /proc/<pid>/fd/* are links to what each process has open. Other users'
 * processes cannot be read, and need not be.
 */
export async function videoDeviceOpen(host: FocusHost): Promise<Reading> {
  const pids = await processIds(host);
  if (pids === null) return 'unknown';
  for (const pid of pids) {
    if (pid === host.ownPid) continue;
    const fds = await host.listDir(`${host.procRoot}/${pid}/fd`);
    if (!fds) continue;
    for (const fd of fds) {
      const target = await host.readLink(`${host.procRoot}/${pid}/fd/${fd}`);
      if (target === null || !VIDEO_DEVICE.test(target)) continue;
      const name = (await host.readText(`${host.procRoot}/${pid}/comm`))?.trim() ?? '';
      if (!DEVICE_MONITORS.has(name)) return 'on';
    }
  }
  return 'off';
}
