import { isPathLocked } from '../../contract/locks';
import {
  effectiveSettings,
  fromCoreSettings,
  lockedPaths,
  type Policy,
} from '../../contract/settings';
import { isRecord, leafPaths } from '../../core/json';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { THERAPY_MAX_MINUTES } from '../../core/therapy/limits';

/**
 * `unhunch policy explain`: what a policy does to someone who has changed nothing —
 * which settings it sets as defaults, which it locks, and what is then in force,
 * beside Unhunch's own defaults.
 */

export interface SettingExplanation {
  /** Dotted: `microBreak.every`, or `workHours` when set whole. */
  path: string;
  unhunchDefault: unknown;
  /** The policy's default, when it sets one. */
  policyDefault?: unknown;
  /** The locked value, when the policy locks it. */
  locked?: unknown;
  /** What is in force for someone who has changed nothing. */
  inForce: unknown;
  canChange: boolean;
}

export interface PolicyExplanation {
  settings: SettingExplanation[];
  locked: string[];
  content: {
    exercises: { id: string; title: string }[];
    checklist: { id: string; question: string }[];
    links: { label: string; url: string }[];
  };
  notes: string[];
}

/** The value at a dotted path; a `null` on the way (work hours: all day) is the value. */
function valueAt(file: unknown, path: string): unknown {
  let node = file;
  for (const key of path.split('.')) {
    if (node === null) return null;
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

function flatLeaves(file: unknown): string[] {
  return isRecord(file) ? leafPaths(file) : [];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function explainPolicy(policy: Policy): PolicyExplanation {
  const unhunch = fromCoreSettings(DEFAULT_SETTINGS);
  const inForce = fromCoreSettings(effectiveSettings(undefined, policy));
  const locked = lockedPaths(policy.locked);
  const touched = new Set([...flatLeaves(policy.defaults), ...flatLeaves(policy.locked)]);
  // Rows in the settings' own order: what the policy sets, and what changes through it.
  const order = [...new Set([...flatLeaves(unhunch), ...flatLeaves(inForce), ...touched])];
  const settings: SettingExplanation[] = [];
  for (const path of order) {
    const before = valueAt(unhunch, path);
    const after = valueAt(inForce, path);
    if (!touched.has(path) && same(before, after)) continue;
    // A leaf inside a value the policy sets whole is already explained by that row.
    if (!touched.has(path) && [...touched].some((t) => path.startsWith(`${t}.`))) continue;
    const policyDefault = valueAt(policy.defaults, path);
    const lockedValue = valueAt(policy.locked, path);
    settings.push({
      path,
      unhunchDefault: before,
      ...(policyDefault !== undefined ? { policyDefault } : {}),
      ...(lockedValue !== undefined ? { locked: lockedValue } : {}),
      inForce: after,
      canChange: !isPathLocked(path, locked),
    });
  }

  const notes: string[] = [];
  for (const path of flatLeaves(policy.defaults)) {
    if (lockedCovers(locked, path)) {
      notes.push(`defaults.${path} is also locked: the locked value applies.`);
    }
  }
  const cap = inForce.therapy.capMinutes;
  if (cap < THERAPY_MAX_MINUTES) {
    notes.push(
      `Heat and ice sessions are capped at ${cap} minutes (Unhunch never allows more than ${THERAPY_MAX_MINUTES}).`,
    );
  }
  const askedTherapy =
    valueAt(policy.locked, 'therapy.defaultMinutes') ??
    valueAt(policy.defaults, 'therapy.defaultMinutes') ??
    unhunch.therapy.defaultMinutes;
  if (typeof askedTherapy === 'number' && askedTherapy > cap) {
    notes.push(
      `A session would last ${askedTherapy} minutes by default, more than the cap of ${cap}: sessions start at ${cap} minutes.`,
    );
  }

  return {
    settings,
    locked,
    content: {
      exercises: (policy.exercises ?? []).map((e) => ({ id: e.id, title: e.title })),
      checklist: (policy.checklist ?? []).map((c) => ({ id: c.id, question: c.question })),
      links: (policy.links ?? []).map((l) => ({ label: l.label, url: l.url })),
    },
    notes: [...new Set(notes)],
  };
}

function lockedCovers(locked: readonly string[], path: string): boolean {
  return isPathLocked(path, locked, { orInside: true });
}

/** A value as a person writes it in a policy: words bare, lists with commas, the rest JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length === 0 ? '(none)' : value.join(',');
  }
  return JSON.stringify(value);
}

export function formatExplanation(explanation: PolicyExplanation, file: string): string {
  const lines = [`What ${file} does for someone who has changed nothing:`, ''];
  if (explanation.settings.length === 0) {
    lines.push('It changes no setting: Unhunch’s defaults apply and people may change them.');
  } else {
    const header = ['SETTING', 'UNHUNCH DEFAULT', 'POLICY DEFAULT', 'LOCKED', 'IN FORCE', 'PEOPLE'];
    const rows = explanation.settings.map((s) => [
      s.path,
      showValue(s.unhunchDefault),
      showValue(s.policyDefault),
      showValue(s.locked),
      showValue(s.inForce),
      s.canChange ? 'may change' : 'locked',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows]) {
      lines.push(
        row
          .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
      );
    }
  }
  lines.push('');
  lines.push(
    explanation.locked.length > 0
      ? `Locked (shown as “Managed by your organization”; a change is refused): ${explanation.locked.join(', ')}`
      : 'Locks nothing: people may change every setting.',
  );
  const { exercises, checklist, links } = explanation.content;
  if (exercises.length + checklist.length + links.length > 0) {
    lines.push('', 'Adds the organisation’s content:');
    for (const e of exercises) lines.push(`  exercise ${e.id}: ${e.title}`);
    for (const c of checklist) lines.push(`  checklist item ${c.id}: ${c.question}`);
    for (const l of links) lines.push(`  link “${l.label}”: ${l.url}`);
  }
  if (explanation.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of explanation.notes) lines.push(`  - ${note}`);
  }
  lines.push('', `See the working day it plans: unhunch preview --policy ${file}`);
  return `${lines.join('\n')}\n`;
}
