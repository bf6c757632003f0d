/**
 * How the parts of a machine's policy combine (docs/policy.md "Precedence"): each part
 * over the ones before it. `defaults` and `locked` merge key by key, a later part
 * winning a key both set (a list or `null` replaces whole, as in settings files); the
 * organisation's `exercises`, `checklist` and `links` are joined in order. Works on
 * raw values: the result is validated again as one policy.
 */

import { leafPaths, mergeLayers } from '../../core/json';

export const POLICY_LAYERS = ['defaults', 'locked'] as const;
export const POLICY_CONTENT = ['exercises', 'checklist', 'links'] as const;

/** `layer` over `base`, both policy-shaped objects. */
export function mergePolicyValues(
  base: Record<string, unknown>,
  layer: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    const previous = merged[key];
    if ((POLICY_LAYERS as readonly string[]).includes(key))
      merged[key] = mergeLayers(previous, value);
    else if (
      (POLICY_CONTENT as readonly string[]).includes(key) &&
      Array.isArray(previous) &&
      Array.isArray(value)
    )
      merged[key] = [...previous, ...value];
    else merged[key] = value;
  }
  return merged;
}

export interface PolicyPiece {
  /** Where this part came from: a file, or the registry key. */
  where: string;
  value: Record<string, unknown>;
}

export interface MergedPolicy {
  value: Record<string, unknown>;
  /**
   * Which part decided each value: `locked.microBreak.every` → its file; content by
   * item, `exercises[0]` → its file.
   */
  origins: Record<string, string>;
}

/** The parts in precedence order, lowest first; undefined when there are none. */
export function mergePolicyPieces(pieces: readonly PolicyPiece[]): MergedPolicy | undefined {
  if (pieces.length === 0) return undefined;
  let value: Record<string, unknown> = {};
  const origins: Record<string, string> = {};
  const counts: Record<string, number> = {};
  for (const piece of pieces) {
    value = mergePolicyValues(value, piece.value);
    for (const layer of POLICY_LAYERS) {
      const set = piece.value[layer];
      if (set === undefined) continue;
      for (const path of leafPaths(set, layer)) {
        // A value set whole (e.g. `workHours: null`) replaces what was decided inside it.
        for (const known of Object.keys(origins)) {
          if (known.startsWith(`${path}.`) || path.startsWith(`${known}.`)) delete origins[known];
        }
        origins[path] = piece.where;
      }
    }
    for (const list of POLICY_CONTENT) {
      const items = piece.value[list];
      if (!Array.isArray(items)) continue;
      for (const _ of items) {
        const index = counts[list] ?? 0;
        origins[`${list}[${index}]`] = piece.where;
        counts[list] = index + 1;
      }
    }
  }
  return { value, origins };
}
