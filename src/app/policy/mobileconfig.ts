import { randomUUID } from 'node:crypto';
import type { Policy } from '../../contract/settings';
import { MANAGED_PREFERENCES_DOMAIN } from './managed-preferences';

/**
 * `unhunch policy mobileconfig`: a macOS configuration profile carrying a policy as
 * managed preferences for `org.unhunch.app`, which MDMs (Jamf, Intune, Kandji…)
 * deliver to `/Library/Managed Preferences/org.unhunch.app.plist`. Unsigned: the MDM
 * signs what it sends. A plist has no `null`, so a policy holding one travels whole as
 * JSON in a `Policy` string (src/app/policy/managed-preferences.ts reads both forms).
 */

export interface MobileconfigOptions {
  /** Reverse-DNS identifier of the profile; an MDM replaces a profile with the same one. */
  identifier?: string;
  organization?: string;
  uuid?: () => string;
}

function xml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.some(hasNull);
  if (typeof value === 'object') return Object.values(value as object).some(hasNull);
  return false;
}

function plistValue(value: unknown, indent: string): string[] {
  if (typeof value === 'string') return [`${indent}<string>${xml(value)}</string>`];
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (typeof value === 'number') {
    return [
      Number.isInteger(value)
        ? `${indent}<integer>${value}</integer>`
        : `${indent}<real>${value}</real>`,
    ];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}<array/>`];
    return [
      `${indent}<array>`,
      ...value.flatMap((item) => plistValue(item, `${indent}  `)),
      `${indent}</array>`,
    ];
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    if (entries.length === 0) return [`${indent}<dict/>`];
    return [
      `${indent}<dict>`,
      ...entries.flatMap(([key, inner]) => [
        `${indent}  <key>${xml(key)}</key>`,
        ...plistValue(inner, `${indent}  `),
      ]),
      `${indent}</dict>`,
    ];
  }
  throw new Error(`a plist cannot hold ${String(value)}`);
}

export function mobileconfig(policy: Policy, options: MobileconfigOptions = {}): string {
  const identifier = options.identifier ?? 'org.unhunch.policy';
  const uuid = options.uuid ?? randomUUID;
  const keys: Record<string, unknown> = hasNull(policy)
    ? { Policy: JSON.stringify(policy) }
    : { ...policy };
  const payload = {
    PayloadType: MANAGED_PREFERENCES_DOMAIN,
    PayloadIdentifier: `${identifier}.${MANAGED_PREFERENCES_DOMAIN}`,
    PayloadUUID: uuid().toUpperCase(),
    PayloadVersion: 1,
    PayloadDisplayName: 'Unhunch settings',
    ...keys,
  };
  const profile = {
    PayloadContent: [payload],
    PayloadDisplayName: 'Unhunch organisation policy',
    PayloadDescription:
      'Defaults and locked settings for Unhunch, and the organisation’s exercises, checklist items and links.',
    PayloadIdentifier: identifier,
    ...(options.organization ? { PayloadOrganization: options.organization } : {}),
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: uuid().toUpperCase(),
    PayloadVersion: 1,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistValue(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}
