/**
 * Who sits at the desk, as the idle time the timer service finds when it samples:
 * `typing` answers every sample with 0 s (as the timer service's own figure assumes);
 * `reading` has stopped for 10 s at every third sample, so the service's samples drift
 * off the minute and the host's timers cannot simply fall on them.
 */
export type Person = 'typing' | 'reading';

export function idleOf(person: Person): () => number {
  let samples = 0;
  return () => (person === 'reading' && samples++ % 3 === 1 ? 10 : 0);
}
