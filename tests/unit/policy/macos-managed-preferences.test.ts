import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunCommand } from '../../../src/app/policy/host';
import { loadPolicy } from '../../../src/app/policy/load';
import { managedPreferencesToPolicy } from '../../../src/app/policy/managed-preferences';
import { mobileconfig } from '../../../src/app/policy/mobileconfig';
import { machinePolicySources } from '../../../src/app/policy/sources';
import { type Policy, parsePolicy } from '../../../src/contract/settings';
import { adminFs, fakeRoot, removeAll } from './helpers';

const created: string[] = [];
/** These tests are about the plist; the ACL check has its own (acl.test.ts). */
const noAcl = async () => null;
afterEach(() => removeAll(created));

/**
 * What `plutil -convert json -o - /Library/Managed Preferences/org.unhunch.app.plist`
 * prints for a profile made by `unhunch policy mobileconfig` (macOS 14).
 */
const PLUTIL_JSON = JSON.stringify({
  PayloadDisplayName: 'Unhunch settings',
  PayloadIdentifier: 'org.unhunch.policy.org.unhunch.app',
  PayloadType: 'org.unhunch.app',
  PayloadUUID: '5B0B7A8E-6E7B-4E59-9B8B-0C1D2E3F4A5B',
  PayloadVersion: 1,
  version: 1,
  locked: { microBreak: { every: '20m' }, therapy: { capMinutes: 12 } },
  defaults: { workHours: { days: ['mon', 'tue', 'wed', 'thu'], from: '08:00', to: '16:00' } },
});

const policyFile = (name: string) =>
  parsePolicy(JSON.parse(readFileSync(join('tests/fixtures/policy', name), 'utf8')));

describe('macOS managed preferences', () => {
  it('reads a configuration profile’s keys as the policy, without its Payload bookkeeping', () => {
    expect(managedPreferencesToPolicy(JSON.parse(PLUTIL_JSON))).toEqual({
      ok: true,
      value: {
        version: 1,
        locked: { microBreak: { every: '20m' }, therapy: { capMinutes: 12 } },
        defaults: {
          workHours: { days: ['mon', 'tue', 'wed', 'thu'], from: '08:00', to: '16:00' },
        },
      },
    });
  });

  it('takes a whole policy from a Policy string, refined by the other keys', () => {
    expect(
      managedPreferencesToPolicy({
        Policy: JSON.stringify({ version: 1, defaults: { workHours: null } }),
        locked: { strictMode: true },
      }),
    ).toEqual({
      ok: true,
      value: { version: 1, defaults: { workHours: null }, locked: { strictMode: true } },
    });
  });

  it('applies the managed preferences over the Application Support file', async () => {
    const { root, write } = fakeRoot(created);
    write('Library/Application Support/Unhunch/policy.json', {
      version: 1,
      locked: { microBreak: { every: '40m', duration: '1m' } },
    });
    write('Library/Managed Preferences/org.unhunch.app.plist', '<plist>binary or XML</plist>');
    const calls: string[][] = [];
    const run: RunCommand = async (file, args) => {
      calls.push([file, ...args]);
      return { code: 0, stdout: PLUTIL_JSON, stderr: '' };
    };
    const load = await loadPolicy(
      machinePolicySources({ platform: 'darwin', root, run, fs: adminFs, acl: noAcl }),
    );
    expect(calls).toEqual([
      [
        '/usr/bin/plutil',
        '-convert',
        'json',
        '-o',
        '-',
        join(root, 'Library/Managed Preferences/org.unhunch.app.plist'),
      ],
    ]);
    expect(load.sources.map((s) => s.state)).toEqual(['in force', 'in force']);
    expect(load.policy?.locked).toEqual({
      microBreak: { every: '20m', duration: '1m' },
      therapy: { capMinutes: 12 },
    });
  });

  it('reports a plist plutil cannot read', async () => {
    const { root, write } = fakeRoot(created);
    write('Library/Managed Preferences/org.unhunch.app.plist', 'garbage');
    const run: RunCommand = async () => ({
      code: 1,
      stdout: '',
      stderr: 'org.unhunch.app.plist: Property List error: Unexpected character g at line 1',
    });
    const load = await loadPolicy(
      machinePolicySources({ platform: 'darwin', root, run, fs: adminFs, acl: noAcl }),
    );
    expect(load.invalid).toBe(true);
    expect(load.sources[1]?.issues[0]).toMatch(/^plutil could not read it: .*Unexpected character/);
  });
});

/** A plist document as the JSON plutil would print for it. */
function plistToJson(node: Element): unknown {
  const children = () =>
    Array.from(node.childNodes as ArrayLike<Node>).filter((c): c is Element => c.nodeType === 1);
  switch (node.tagName) {
    case 'plist':
      return plistToJson(children()[0]!);
    case 'dict': {
      const entries: [string, unknown][] = [];
      const list = children();
      for (let i = 0; i < list.length; i += 2) {
        entries.push([list[i]!.textContent ?? '', plistToJson(list[i + 1]!)]);
      }
      return Object.fromEntries(entries);
    }
    case 'array':
      return children().map(plistToJson);
    case 'string':
      return node.textContent ?? '';
    case 'integer':
    case 'real':
      return Number(node.textContent);
    case 'true':
      return true;
    case 'false':
      return false;
    default:
      throw new Error(`unexpected <${node.tagName}>`);
  }
}

function profilePayload(xml: string): Record<string, unknown> {
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => {
        throw new Error(message);
      },
      fatalError: (message: string) => {
        throw new Error(message);
      },
    },
  }).parseFromString(xml, 'text/xml');
  const profile = plistToJson(doc.documentElement as unknown as Element) as {
    PayloadType: string;
    PayloadContent: Record<string, unknown>[];
  };
  expect(profile.PayloadType).toBe('Configuration');
  return profile.PayloadContent[0]!;
}

describe('unhunch policy mobileconfig', () => {
  it.each(['strict-office.json', 'gentle.json', 'therapy-cap-10.json'])(
    'carries %s through a profile and back unchanged',
    (name) => {
      const parsed = policyFile(name);
      if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
      const payload = profilePayload(mobileconfig(parsed.policy, { organization: 'Example & Co' }));
      expect(payload.PayloadType).toBe('org.unhunch.app');
      const back = managedPreferencesToPolicy(payload);
      expect(back?.ok && parsePolicy(back.value)).toEqual({ ok: true, policy: parsed.policy });
    },
  );

  it('sends a policy holding null as one JSON string, which plists can carry', () => {
    const policy: Policy = { version: 1, locked: { workHours: null, skip: { maxPerDay: null } } };
    const payload = profilePayload(mobileconfig(policy));
    expect(payload.Policy).toBe(JSON.stringify(policy));
    expect(managedPreferencesToPolicy(payload)).toEqual({ ok: true, value: policy });
  });
});
