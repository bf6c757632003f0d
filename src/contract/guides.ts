/**
 * The typed content and pure pacing the pages draw for themselves, with no call: it is
 * the same in every host and holds no user data. The renderer reaches the core only
 * through this file (docs/architecture.md: renderer -> contract <- app -> core).
 */
export {
  BREATHING_PATTERNS,
  type BreathingPattern,
  type BreathingPatternId,
  breathingPatternKeys,
  type PacerState,
  pacerAt,
  SHAPE_MIN_SIZE,
  sessionRounds,
  shapeSize,
} from '../core/content/breathing';
export {
  CHECKLIST_AREAS,
  type ChecklistAnswer,
  type ChecklistArea,
  checklistItemKeys,
} from '../core/content/checklist';
export type { Citation } from '../core/content/citations';
export {
  DEFAULT_SECONDS_PER_REP,
  type Dose,
  doseSeconds,
  EXERCISES,
  type Exercise,
} from '../core/content/exercises';
export {
  MUSCLE_GROUPS,
  type MuscleGroup,
  muscleGroupKeys,
  PMR_CAUTION_KEYS,
  PMR_FULL_BODY,
  type PmrState,
  pmrSessionMs,
  pmrStepAt,
  pmrWithout,
} from '../core/content/muscle-relaxation';
export {
  RED_FLAG_GROUPS,
  RED_FLAG_STATEMENTS,
  RED_FLAG_VALUES,
  redFlagGroupKeys,
  redFlagSignKey,
} from '../core/content/red-flags';
