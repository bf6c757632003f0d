// Writes assets/sounds/therapy-end.wav, the chime the therapy page plays when a heat or
// ice session ends: two soft bell-like notes made of decaying sine waves, our own sound
// rather than a downloaded one. Deterministic: `node --import tsx scripts/make-chime.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SAMPLE_RATE = 22_050;
const SECONDS = 1.8;

/** A bell-ish note: a fundamental and two quieter partials, struck and left to ring. */
interface Note {
  at: number;
  hz: number;
  gain: number;
}

// G5 then C6: a rising fourth reads as "done", not as an alarm.
const NOTES: Note[] = [
  { at: 0, hz: 783.99, gain: 0.5 },
  { at: 0.32, hz: 1046.5, gain: 0.45 },
];
const PARTIALS = [
  { ratio: 1, gain: 1, decay: 2.6 },
  { ratio: 2, gain: 0.35, decay: 4.5 },
  { ratio: 3.01, gain: 0.12, decay: 7 },
];

function sampleAt(t: number): number {
  let value = 0;
  for (const note of NOTES) {
    const since = t - note.at;
    if (since < 0) continue;
    // A 5 ms attack so the note starts without a click.
    const attack = Math.min(1, since / 0.005);
    for (const partial of PARTIALS) {
      value +=
        note.gain *
        partial.gain *
        attack *
        Math.exp(-partial.decay * since) *
        Math.sin(2 * Math.PI * note.hz * partial.ratio * since);
    }
  }
  // Fade the last 100 ms to silence.
  const tail = Math.min(1, (SECONDS - t) / 0.1);
  return value * tail;
}

function wav(samples: Int16Array): Buffer {
  const data = samples.length * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer)]);
}

const count = Math.round(SAMPLE_RATE * SECONDS);
const samples = new Int16Array(count);
for (let i = 0; i < count; i++) {
  const value = Math.max(-1, Math.min(1, sampleAt(i / SAMPLE_RATE)));
  samples[i] = Math.round(value * 32_767 * 0.8);
}
const dir = fileURLToPath(new URL('../assets/sounds/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}therapy-end.wav`, wav(samples));
process.stdout.write(`wrote ${dir}therapy-end.wav (${count} samples at ${SAMPLE_RATE} Hz)\n`);
