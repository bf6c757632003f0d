import { CITATIONS, type Citation, type Sources } from './citations';

/**
 * The workstation ergonomics checklist: which questions exist, how they group on the
 * page, and where each comes from (docs/sources.md, "Workstation checklist"). The
 * words — question, why it matters, how to fix it — live in locales/<lang>/checklist.json
 * under `<id>.question`, `<id>.why` and `<id>.fix`; an organisation may append its own
 * items with plain-string words by policy.
 */

export type ChecklistArea =
  | 'screen'
  | 'chair'
  | 'posture'
  | 'legs-feet'
  | 'arms-hands'
  | 'keyboard-mouse'
  | 'light-eyes'
  | 'devices'
  | 'movement'
  /** Where an organisation's items go unless it names an area. */
  | 'organisation';

/** Page order of the areas; items keep their own order within it. */
export const CHECKLIST_AREAS: readonly ChecklistArea[] = [
  'screen',
  'chair',
  'posture',
  'legs-feet',
  'arms-hands',
  'keyboard-mouse',
  'light-eyes',
  'devices',
  'movement',
  'organisation',
];

export interface ChecklistItem {
  /** Stable: answers and history refer to it. Also the locale key prefix. */
  id: string;
  area: ChecklistArea;
  source: Sources;
}

const { oshaWorkstations: osha, ccohs, hseDse: hse, cspViaTuc } = CITATIONS;

export const CHECKLIST_ITEMS = [
  // Top line at or slightly below eye level; work 10–30° below the line of sight.
  { id: 'screen-height', area: 'screen', source: [osha, hse, ccohs] },
  // At least 20 in (about 50 cm); HSE: about an arm's length.
  { id: 'screen-distance', area: 'screen', source: [hse, osha] },
  // Directly in front, sit square, no twisting.
  { id: 'screen-in-front', area: 'screen', source: [osha, hse] },
  { id: 'chair-lumbar-support', area: 'chair', source: [osha, ccohs, hse] },
  // Upright or slightly reclined, within 30° of upright, head level, shoulders relaxed.
  { id: 'neutral-spine', area: 'posture', source: [osha, ccohs] },
  { id: 'feet-supported', area: 'legs-feet', source: [osha, hse] },
  // Thighs about parallel, knees about hip height, three fingers' gap behind the knee.
  { id: 'knees-hips', area: 'legs-feet', source: [osha, ccohs] },
  // Elbows close to the body at 90–120°, forearms about horizontal.
  { id: 'elbows-forearms', area: 'arms-hands', source: [osha, ccohs, hse] },
  { id: 'wrists-straight', area: 'arms-hands', source: [osha, ccohs] },
  { id: 'keyboard-mouse', area: 'keyboard-mouse', source: [osha, hse] },
  // Screen at right angles to windows, tilted against glare.
  { id: 'glare-lighting', area: 'light-eyes', source: [osha, hse] },
  { id: 'eye-tests', area: 'light-eyes', source: [hse] },
  // docs/sources.md has no laptop-specific source: this applies the screen-height and
  // keyboard rules above, which a laptop on its own cannot meet at the same time.
  { id: 'laptop', area: 'devices', source: [osha, hse] },
  // Telephone use is part of OSHA's eTool; docs/sources.md's summary does not quote it.
  { id: 'phone', area: 'devices', source: [osha] },
  { id: 'sit-stand', area: 'movement', source: [ccohs] },
  { id: 'breaks', area: 'movement', source: [cspViaTuc] },
] as const satisfies readonly ChecklistItem[];

export type BuiltInChecklistItemId = (typeof CHECKLIST_ITEMS)[number]['id'];
export const BUILT_IN_CHECKLIST_IDS: readonly BuiltInChecklistItemId[] = CHECKLIST_ITEMS.map(
  (item) => item.id,
);

/** The locale keys (namespace `checklist`) that hold a built-in item's words. */
export function checklistItemKeys(id: string): { question: string; why: string; fix: string } {
  return { question: `${id}.question`, why: `${id}.why`, fix: `${id}.fix` };
}

// ---------------------------------------------------------------------------
// Organisation items

/** An item an organisation adds by policy: its words are plain strings, not keys. */
export interface OrganisationChecklistItem {
  id: string;
  area: ChecklistArea;
  question: string;
  why: string;
  fix: string;
  /** Who said so, e.g. the organisation's occupational-health team. */
  source?: string;
}

/** What the checklist page shows: a built-in item or an organisation's. */
export type ChecklistEntry =
  | (ChecklistItem & { origin: 'built-in' })
  | {
      origin: 'organisation';
      id: string;
      area: ChecklistArea;
      source: Sources;
      text: { question: string; why: string; fix: string };
    };

/** Organisation item ids are namespaced so they can never shadow a built-in answer. */
export const ORGANISATION_ID_PREFIX = 'org.';

export type ChecklistMerge =
  | { ok: true; entries: ChecklistEntry[] }
  | { ok: false; error: string; path: (string | number)[] };

/**
 * Built-ins first, in their order, then the organisation's items in the policy's
 * order. Two organisation items with the same id are refused, naming the second.
 */
export function mergeChecklist(
  builtIns: readonly ChecklistItem[],
  organisationItems: readonly OrganisationChecklistItem[],
  organisationName = 'Your organisation',
): ChecklistMerge {
  const entries: ChecklistEntry[] = builtIns.map((item) => ({ ...item, origin: 'built-in' }));
  const seen = new Set<string>();
  for (const [index, item] of organisationItems.entries()) {
    const id = `${ORGANISATION_ID_PREFIX}${item.id}`;
    if (seen.has(id)) {
      return {
        ok: false,
        path: ['checklist', index, 'id'],
        error: `checklist item id "${item.id}" is used twice; give each organisation item its own id`,
      };
    }
    seen.add(id);
    const citation: Citation = { publisher: item.source ?? organisationName };
    entries.push({
      origin: 'organisation',
      id,
      area: item.area,
      source: [citation],
      text: { question: item.question, why: item.why, fix: item.fix },
    });
  }
  return { ok: true, entries };
}

/**
 * How the renderer gets an entry's words: translate the keys of a built-in item
 * (namespace `checklist`), show an organisation's strings as they are.
 */
export type ChecklistWording =
  | { kind: 'keys'; question: string; why: string; fix: string }
  | { kind: 'plain'; question: string; why: string; fix: string };

export function checklistWording(entry: ChecklistEntry): ChecklistWording {
  return entry.origin === 'built-in'
    ? { kind: 'keys', ...checklistItemKeys(entry.id) }
    : { kind: 'plain', ...entry.text };
}

// ---------------------------------------------------------------------------
// Answers, score, history

export const CHECKLIST_ANSWERS = ['yes', 'no', 'not-applicable'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];
/** By item id; an item left out is unanswered. */
export type ChecklistAnswers = Readonly<Record<string, ChecklistAnswer>>;

export interface ChecklistScore {
  /** Items in the checklist, answered or not. */
  total: number;
  answered: number;
  yes: number;
  no: number;
  notApplicable: number;
  /** Whole-number share of "yes" among the applicable answers; null when none applies. */
  percent: number | null;
  /** The ids answered "no", in checklist order: the fix list. */
  fixes: string[];
}

/** Answers for ids not in `items` are ignored; the contract refuses them at the edge. */
export function scoreChecklist(
  items: readonly { id: string }[],
  answers: ChecklistAnswers,
): ChecklistScore {
  const score: ChecklistScore = {
    total: items.length,
    answered: 0,
    yes: 0,
    no: 0,
    notApplicable: 0,
    percent: null,
    fixes: [],
  };
  for (const { id } of items) {
    const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
    if (answer === undefined) continue;
    score.answered += 1;
    if (answer === 'yes') score.yes += 1;
    else if (answer === 'no') {
      score.no += 1;
      score.fixes.push(id);
    } else score.notApplicable += 1;
  }
  const applicable = score.yes + score.no;
  score.percent = applicable === 0 ? null : Math.round((score.yes / applicable) * 100);
  return score;
}

/** One completed check, as kept in the history (append-only, oldest first). */
export interface ChecklistResult {
  /** Epoch ms when the check was submitted. */
  at: number;
  answers: ChecklistAnswers;
  score: ChecklistScore;
}

export function checklistResult(
  items: readonly { id: string }[],
  answers: ChecklistAnswers,
  at: number,
): ChecklistResult {
  const kept = Object.fromEntries(
    items.flatMap(({ id }) => {
      const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
      return answer === undefined ? [] : [[id, answer] as const];
    }),
  );
  return { at, answers: kept, score: scoreChecklist(items, answers) };
}

/** What changed between two checks: the fixes made and the new problems. */
export interface ChecklistProgress {
  fixed: string[];
  newProblems: string[];
}

export function compareChecklistResults(
  previous: ChecklistResult,
  current: ChecklistResult,
): ChecklistProgress {
  const wasNo = new Set(previous.score.fixes);
  const isNo = new Set(current.score.fixes);
  return {
    fixed: previous.score.fixes.filter((id) => !isNo.has(id) && current.answers[id] === 'yes'),
    newProblems: current.score.fixes.filter((id) => !wasNo.has(id)),
  };
}

/** The history for display: newest first, without mutating the stored list. */
export function checklistHistoryNewestFirst(
  history: readonly ChecklistResult[],
): ChecklistResult[] {
  return [...history].sort((a, b) => b.at - a.at);
}
