import { z } from 'zod';
import { policySchema, policySettingsFileSchema } from '../../contract/settings';

/**
 * The policy format as data: its JSON Schema (for `unhunch policy schema`, editors and
 * docs/policy.schema.json) and the settings it can set, each with the kind of value it
 * takes. Both come from the zod schemas, so a setting added there is known here, to
 * the registry reader and the ADMX templates, without a second list.
 */

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
};

export const POLICY_SCHEMA_ID = 'https://unhunch.invalid/schemas/policy-v1.json';

/** The policy's JSON Schema, as people write it (zod's input side). */
export function policyJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(policySchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    $schema,
    $id: POLICY_SCHEMA_ID,
    title: 'Unhunch organisation policy',
    description:
      'Defaults and locked settings for every desk, and the organisation’s exercises, checklist items and links. See docs/policy.md.',
    ...schema,
  };
}

/** The kinds of value a setting takes, as admin tools write them. */
export type SettingKind =
  | 'boolean'
  | 'integer'
  | 'string'
  /** A list of words, like work days: REG_MULTI_SZ in the registry. */
  | 'list'
  /** Anything else (a list of objects): JSON text where a tool has no better form. */
  | 'json'
  | 'object';

export interface SettingLeaf {
  /** Dotted, as in `locked.microBreak.every` without the layer. */
  path: string;
  kind: SettingKind;
  /** May also be `null` (e.g. `skip.maxPerDay`: no limit). */
  nullable: boolean;
  minimum?: number;
  maximum?: number;
  /** The allowed words of a `list`. */
  words?: string[];
}

let settingsSchemaCache: JsonSchema | undefined;
function settingsSchema(): JsonSchema {
  // What a policy can set: the weekly check-in is left out, as the policy schema refuses it.
  settingsSchemaCache ??= z.toJSONSchema(policySettingsFileSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return settingsSchemaCache;
}

function withoutNull(node: JsonSchema): { node: JsonSchema; nullable: boolean } {
  if (!node.anyOf) return { node, nullable: false };
  const others = node.anyOf.filter((option) => option.type !== 'null');
  const nullable = others.length < node.anyOf.length;
  return { node: others.length === 1 && others[0] ? others[0] : node, nullable };
}

function kindOf(node: JsonSchema): SettingKind {
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'integer' || node.type === 'number') return 'integer';
  if (node.type === 'string') return 'string';
  if (node.type === 'object') return 'object';
  if (node.type === 'array' && node.items?.type === 'string') return 'list';
  return 'json';
}

/** The schema node at a dotted settings path, or undefined for a key that does not exist. */
function nodeAt(path: readonly string[]): { node: JsonSchema; nullable: boolean } | undefined {
  let current = { node: settingsSchema(), nullable: false };
  for (const key of path) {
    const next = current.node.properties?.[key];
    if (!next) return undefined;
    current = withoutNull(next);
  }
  return current;
}

/** What kind of value a settings path takes, or undefined when it is not a setting. */
export function settingKind(path: readonly string[]): SettingKind | undefined {
  const found = nodeAt(path);
  return found ? kindOf(found.node) : undefined;
}

/** Every setting a policy can set or lock, objects opened down to their values. */
export function settingLeaves(): SettingLeaf[] {
  const leaves: SettingLeaf[] = [];
  const walk = (node: JsonSchema, nullable: boolean, prefix: string[]) => {
    const kind = kindOf(node);
    if (kind === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        const inner = withoutNull(child);
        walk(inner.node, inner.nullable, [...prefix, key]);
      }
      return;
    }
    const words = node.items?.enum?.filter((word): word is string => typeof word === 'string');
    leaves.push({
      path: prefix.join('.'),
      kind,
      nullable,
      ...(node.minimum !== undefined ? { minimum: node.minimum } : {}),
      ...(node.maximum !== undefined ? { maximum: node.maximum } : {}),
      ...(words && words.length > 0 ? { words } : {}),
    });
  };
  walk(settingsSchema(), false, []);
  return leaves;
}

/** Objects that may be `null` as a whole (`workHours`: remind all day), by dotted path. */
export function nullableObjects(): string[] {
  const found: string[] = [];
  const walk = (node: JsonSchema, prefix: string[]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const inner = withoutNull(child);
      if (kindOf(inner.node) !== 'object') continue;
      if (inner.nullable) found.push([...prefix, key].join('.'));
      walk(inner.node, [...prefix, key]);
    }
  };
  walk(settingsSchema(), []);
  return found;
}
