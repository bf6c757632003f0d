import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { admxTemplates } from '../../../src/app/policy/admx';
import { parseRegQuery, registryToPolicy } from '../../../src/app/policy/registry';
import { nullableObjects, settingLeaves } from '../../../src/app/policy/shape';
import { parsePolicy } from '../../../src/contract/settings';

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => errors.push(message),
      fatalError: (message: string) => errors.push(message),
    },
  }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

const elements = (doc: Document, tag: string) =>
  Array.from(doc.getElementsByTagName(tag)) as unknown as Element[];

const { admx, adml } = admxTemplates('0.1.0');
const admxDoc = parseXml(admx);
const admlDoc = parseXml(adml);
const policies = elements(admxDoc, 'policy');

/** The registry value each ADMX policy writes, whichever element writes it. */
function valueNames(policy: Element): string[] {
  const own = policy.getAttribute('valueName');
  const inner = ['decimal', 'text', 'multiText']
    .flatMap((tag) => Array.from(policy.getElementsByTagName(tag)) as unknown as Element[])
    .map((e) => e.getAttribute('valueName'))
    .filter((name): name is string => !!name);
  return own ? [own, ...inner] : inner;
}

describe('the Group Policy templates', () => {
  it('are well-formed XML in the PolicyDefinitions namespace', () => {
    const ns = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
    expect(admxDoc.documentElement?.tagName).toBe('policyDefinitions');
    expect(admxDoc.documentElement?.namespaceURI).toBe(ns);
    expect(admlDoc.documentElement?.tagName).toBe('policyDefinitionResources');
  });

  it('offer every setting of the policy schema, as a default and as a lock', () => {
    const written = new Set(policies.flatMap(valueNames));
    for (const leaf of settingLeaves()) {
      expect(written, `defaults.${leaf.path}`).toContain(`defaults.${leaf.path}`);
      expect(written, `locked.${leaf.path}`).toContain(`locked.${leaf.path}`);
    }
    for (const path of nullableObjects()) {
      expect(written).toContain(`defaults.${path}`);
      expect(written).toContain(`locked.${path}`);
    }
    expect(written).toContain('Policy');
  });

  it('write under HKLM\\SOFTWARE\\Policies\\Unhunch, for the machine', () => {
    for (const policy of policies) {
      expect(policy.getAttribute('key')).toBe('SOFTWARE\\Policies\\Unhunch');
      expect(policy.getAttribute('class')).toBe('Machine');
    }
  });

  it('name a string and a presentation in the ADML for everything they refer to', () => {
    const strings = new Set(elements(admlDoc, 'string').map((s) => s.getAttribute('id')));
    const presentations = new Set(
      elements(admlDoc, 'presentation').map((p) => p.getAttribute('id')),
    );
    const refs = [...admx.matchAll(/\$\((string|presentation)\.([^)]+)\)/g)];
    expect(refs.length).toBeGreaterThan(policies.length * 2);
    for (const [, kind, id] of refs) {
      expect(kind === 'string' ? strings : presentations, `${kind}.${id}`).toContain(id);
    }
    const names = policies.map((p) => p.getAttribute('name'));
    expect(new Set(names).size).toBe(names.length);
  });

  it('bound numbers by the schema’s range: a therapy cap above 20 cannot be entered', () => {
    const cap = policies.find((p) => p.getAttribute('name') === 'locked_therapy_capMinutes');
    const decimal = cap?.getElementsByTagName('decimal')[0];
    expect(decimal?.getAttribute('maxValue')).toBe('20');
    expect(decimal?.getAttribute('minValue')).toBe('1');
  });

  it('write values the registry reader turns into a valid policy', () => {
    // What Group Policy writes when an admin enables a few of these policies.
    const written = parseRegQuery(
      [
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch',
        '    locked.strictMode    REG_DWORD    0x1',
        '    locked.therapy.capMinutes    REG_DWORD    0xc',
        '    defaults.workHours.days    REG_MULTI_SZ    mon\\0wed\\0fri',
        '    defaults.microBreak.every    REG_SZ    25m',
        '    locked.workHours    REG_SZ    null',
      ].join('\r\n'),
    );
    const mapped = registryToPolicy(written[0]?.values ?? {});
    expect(mapped?.ok).toBe(true);
    // A default for the days and work hours locked to "none" are two layers: the lock wins.
    const parsed = mapped?.ok ? parsePolicy(mapped.value) : undefined;
    expect(parsed?.ok).toBe(true);
  });
});
