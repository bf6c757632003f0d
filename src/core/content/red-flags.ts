import { CITATIONS, type Sources } from './citations';

/**
 * Warning signs that need prompt medical attention (docs/sources.md, "Red flags"),
 * grouped by how fast to act. Unhunch lists them; it does not ask about them, weigh
 * them or diagnose. Words live in locales/<lang>/health.json under `redFlags.*`:
 * `redFlags.groups.<urgency>.{title,action}` and `redFlags.signs.<id>`.
 */

export type RedFlagUrgency = 'emergency' | 'urgent' | 'see-gp-or-physio';

export interface RedFlagSign {
  id: string;
  source: Sources;
}

export interface RedFlagGroup {
  urgency: RedFlagUrgency;
  signs: readonly RedFlagSign[];
}

const { nhs, nhsInform, niceCks, cardiac } = CITATIONS;

/**
 * Age at which new back pain is itself a flag: sources give over 50–55, and the
 * conservative end (the wider net) is 50. Under 20 likewise.
 */
export const NEW_PAIN_UNDER_AGE = 20;
export const NEW_PAIN_OVER_AGE = 50;

/**
 * When ordinary back pain should be seen: the NHS says after 2–6 weeks without
 * improvement; NHS Inform says 2 weeks, the conservative end.
 */
export const NOT_IMPROVING_WEEKS = 2;

export const RED_FLAG_GROUPS = [
  {
    urgency: 'emergency',
    signs: [
      { id: 'both-legs', source: [nhs] },
      { id: 'saddle-numbness', source: [nhs] },
      { id: 'bladder-bowel', source: [nhs] },
      { id: 'chest-pain', source: [nhs] },
      { id: 'serious-accident', source: [nhs] },
      // Heart attack or aortic dissection (sudden tearing pain) can start between the
      // shoulder blades: the reason an upper-back app must list it first.
      { id: 'between-shoulder-blades-cardiac', source: [cardiac] },
    ],
  },
  {
    urgency: 'urgent',
    signs: [
      { id: 'fever', source: [nhs, niceCks] },
      { id: 'weight-loss', source: [nhs] },
      { id: 'lump-or-shape-change', source: [nhs, niceCks] },
      { id: 'not-better-with-rest-or-night', source: [nhs, niceCks] },
      { id: 'cough-sneeze', source: [nhs] },
      { id: 'radiating-tingling-numbness', source: [niceCks] },
      { id: 'limbs-numb-or-weak', source: [niceCks] },
      { id: 'sudden-severe-after-injury', source: [niceCks] },
      { id: 'new-pain-age', source: [niceCks] },
      { id: 'cancer-history', source: [niceCks] },
      { id: 'immune-or-drugs', source: [niceCks] },
      { id: 'osteoporosis-or-steroids', source: [niceCks] },
      { id: 'generally-unwell', source: [niceCks] },
    ],
  },
  {
    urgency: 'see-gp-or-physio',
    signs: [
      { id: 'not-improving', source: [nhsInform, nhs] },
      { id: 'getting-worse', source: [nhs] },
      { id: 'stops-daily-activities', source: [nhs] },
    ],
  },
] as const satisfies readonly RedFlagGroup[];

export type RedFlagSignId = (typeof RED_FLAG_GROUPS)[number]['signs'][number]['id'];

/** Values some signs' words interpolate, so the page and this file cannot disagree. */
export const RED_FLAG_VALUES = {
  underAge: NEW_PAIN_UNDER_AGE,
  overAge: NEW_PAIN_OVER_AGE,
  weeks: NOT_IMPROVING_WEEKS,
} as const;

/**
 * Shown with the list, always: thoracic pain is itself a clinical red flag (NICE
 * CKS-based pathways), and Unhunch is not a diagnosis.
 */
export const RED_FLAG_STATEMENTS = [
  { key: 'redFlags.statements.upperBack', source: [niceCks] },
  { key: 'redFlags.statements.noDiagnosis', source: [nhs] },
] as const satisfies readonly { key: string; source: Sources }[];

export function redFlagGroupKeys(urgency: RedFlagUrgency): { title: string; action: string } {
  return { title: `redFlags.groups.${urgency}.title`, action: `redFlags.groups.${urgency}.action` };
}

export function redFlagSignKey(id: string): string {
  return `redFlags.signs.${id}`;
}
