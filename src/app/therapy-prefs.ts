import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { canDismissSafetyStep } from '../core/content/therapy-safety';
import { writeJsonFileAtomic } from './json-file';
import type { Logger } from './ports';

/**
 * What a person chose about the therapy timer that is not a setting: the safety steps
 * they asked not to see again. Kept in therapy.json beside settings.json; never the
 * towel reminder, whatever the file says.
 */
export interface TherapyPrefs {
  dismissedSafetySteps: string[];
}

export interface TherapyPrefsStore {
  load(): TherapyPrefs;
  save(prefs: TherapyPrefs): void;
}

const prefsSchema = z.object({ dismissedSafetySteps: z.array(z.string()) });

/** Only steps that may be hidden, once each: a hand-edited file cannot hide the towel reminder. */
export function cleanPrefs(prefs: TherapyPrefs): TherapyPrefs {
  return {
    dismissedSafetySteps: [...new Set(prefs.dismissedSafetySteps)].filter(canDismissSafetyStep),
  };
}

export function memoryTherapyPrefs(initial: TherapyPrefs = { dismissedSafetySteps: [] }) {
  let prefs = cleanPrefs(initial);
  return {
    load: () => prefs,
    save(next: TherapyPrefs) {
      prefs = cleanPrefs(next);
    },
  } satisfies TherapyPrefsStore;
}

/** A small JSON file, written whole to a temporary file, flushed, and renamed over the old one. */
export function therapyPrefsFile(path: string, logger?: Logger): TherapyPrefsStore {
  return {
    load() {
      if (!existsSync(path)) return { dismissedSafetySteps: [] };
      try {
        const parsed = prefsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        if (parsed.success) return cleanPrefs(parsed.data);
        logger?.warn(`${path}: not a therapy preferences file; showing every safety step`);
      } catch (error) {
        logger?.warn(
          `${path} could not be read (${(error as Error).message}); showing every safety step`,
        );
      }
      return { dismissedSafetySteps: [] };
    },
    save(prefs) {
      writeJsonFileAtomic(path, cleanPrefs(prefs));
    },
  };
}
