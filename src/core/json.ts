/**
 * Plain JSON values as settings and policy files hold them, before a schema types them:
 * what counts as an object, how one file's values lie over another's, which leaves a
 * file sets. One rule for settings files, policy parts and migrations.
 */

/** An object of keys, not a list and not null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `layer` over `base`: objects merge key by key; lists, `null` and other values replace whole. */
export function mergeLayers(base: unknown, layer: unknown): unknown {
  if (!isRecord(base) || !isRecord(layer)) return layer === undefined ? base : layer;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    if (value !== undefined) merged[key] = mergeLayers(base[key], value);
  }
  return merged;
}

/** Dotted paths of every leaf `value` sets (lists and `null` count whole), under `prefix`. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (!isRecord(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    inner === undefined ? [] : leafPaths(inner, prefix ? `${prefix}.${key}` : key),
  );
}
