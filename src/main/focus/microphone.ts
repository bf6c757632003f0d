import type { Reading } from '../../core/focus/signals';
import { readConsentStore } from './consent-store';
import type { FocusHost } from './host';

/**
 * Is a microphone recording? Windows: the consent store. Linux: a recording stream on
 * a real source, from PulseAudio or PipeWire's pulse server (`pactl`). macOS: not
 * without a native helper, so `unknown`.
 */
export async function readMicrophone(host: FocusHost): Promise<Reading> {
  if (host.platform === 'win32') return readConsentStore(host, 'microphone');
  if (host.platform !== 'linux') return 'unknown';
  const sources = await host.run('pactl', ['list', 'short', 'sources']);
  const outputs = await host.run('pactl', ['list', 'short', 'source-outputs']);
  if (!sources.ok || !outputs.ok) return 'unknown';
  return recordingFromPactl(sources.stdout, outputs.stdout);
}

const rows = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((cells) => cells.length >= 2 && /^\d+$/.test(cells[0] ?? ''));

/**
 * `pactl list short sources` (index, name, driver, spec, state) and `… source-outputs`
 * (index, source index, client, driver, spec): on when a stream records from a source
 * that is not a monitor of an output (those are screen recorders and level meters).
 */
export function recordingFromPactl(sources: string, sourceOutputs: string): Reading {
  const monitors = new Set(
    rows(sources)
      .filter(([, name = '']) => name.endsWith('.monitor'))
      .map(([index]) => index),
  );
  return rows(sourceOutputs).some(([, source]) => !monitors.has(source)) ? 'on' : 'off';
}
