/**
 * The one rule for "is this setting locked by the organisation's policy": a dotted path
 * is locked when it, or a group it is in, is among the locked paths. With `orInside`,
 * a group also counts as locked when something inside it is (a field that edits the
 * whole group, a line of `policy explain`). No zod here: the settings page imports it.
 */
export function isPathLocked(
  path: string,
  locked: readonly string[],
  { orInside = false }: { orInside?: boolean } = {},
): boolean {
  return locked.some(
    (p) => p === path || path.startsWith(`${p}.`) || (orInside && p.startsWith(`${path}.`)),
  );
}
