import { POLICY_REGISTRY_KEY } from './registry';
import { nullableObjects, type SettingLeaf, settingLeaves } from './shape';

/**
 * `unhunch policy admx`: Group Policy administrative templates (unhunch.admx and
 * en-US/unhunch.adml) built from the policy schema, writing the registry values that
 * src/app/policy/registry.ts reads: one policy per setting under "Defaults" and under
 * "Locked", plus the whole policy as JSON for the organisation's content.
 */

export interface AdmxTemplates {
  admx: string;
  adml: string;
}

const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
/** Group Policy writes under the key without its hive. */
const KEY = POLICY_REGISTRY_KEY.replace(/^HKLM\\/, '');
/** The longest text a Group Policy text box takes. */
const TEXT_MAX = 1023;

type Layer = 'defaults' | 'locked';

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `microBreak.every` → "Micro break: every". */
export function settingLabel(path: string): string {
  const words = (segment: string) => segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const [first = '', ...rest] = path.split('.').map(words);
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(': ');
}

/** How to write a value, for the help text. */
function valueHint(leaf: SettingLeaf): string {
  const last = leaf.path.split('.').pop() ?? '';
  switch (leaf.kind) {
    case 'boolean':
      return 'Enabled turns it on, Disabled turns it off.';
    case 'integer':
      return `A whole number${leaf.minimum !== undefined ? ` from ${leaf.minimum}` : ''}${
        leaf.maximum !== undefined ? ` to ${leaf.maximum}` : ''
      }.`;
    case 'list':
      return `One per line${leaf.words ? `, from: ${leaf.words.join(', ')}` : ''}.`;
    case 'string':
      if (last === 'from' || last === 'to') return 'A time of day, HH:MM (e.g. 09:00).';
      return 'A duration such as 30s, 20m or 1h (as in docs/defaults.md).';
    default:
      return 'JSON, as in a policy file (docs/policy.md).';
  }
}

const policyName = (layer: Layer, path: string) => `${layer}_${path.replaceAll('.', '_')}`;

interface AdmxPolicy {
  name: string;
  category: string;
  label: string;
  explain: string;
  body: string;
  /** Present for policies with an element: the ADML presentation. */
  presentation?: string;
  valueName?: string;
}

function leafPolicy(layer: Layer, leaf: SettingLeaf): AdmxPolicy {
  const name = policyName(layer, leaf.path);
  const valueName = `${layer}.${leaf.path}`;
  const label = settingLabel(leaf.path);
  const explain = [
    layer === 'locked'
      ? `Locks “${label}” (${leaf.path}) to this value. People cannot change it; Unhunch shows it as “Managed by your organization”.`
      : `Sets the default of “${label}” (${leaf.path}). People can still change it in Unhunch.`,
    valueHint(leaf),
    `Registry: ${POLICY_REGISTRY_KEY}, value ${valueName}.`,
  ].join('\n\n');
  const base = { name, category: `Unhunch_${layer}`, label: `${label}`, explain };
  const id = `${name}_value`;
  switch (leaf.kind) {
    case 'boolean':
      return {
        ...base,
        valueName,
        body: '<enabledValue><decimal value="1"/></enabledValue><disabledValue><decimal value="0"/></disabledValue>',
      };
    case 'integer': {
      const min = leaf.minimum !== undefined ? ` minValue="${leaf.minimum}"` : '';
      const max = leaf.maximum !== undefined ? ` maxValue="${leaf.maximum}"` : '';
      return {
        ...base,
        body: `<elements><decimal id="${id}" valueName="${xml(valueName)}" required="true"${min}${max}/></elements>`,
        presentation: `<decimalTextBox refId="${id}">${xml(label)}</decimalTextBox>`,
      };
    }
    case 'list':
      return {
        ...base,
        body: `<elements><multiText id="${id}" valueName="${xml(valueName)}" required="true"/></elements>`,
        presentation: `<multiTextBox refId="${id}">${xml(label)}</multiTextBox>`,
      };
    default:
      return {
        ...base,
        body: `<elements><text id="${id}" valueName="${xml(valueName)}" required="true" maxLength="${TEXT_MAX}"/></elements>`,
        presentation: `<textBox refId="${id}"><label>${xml(label)}</label></textBox>`,
      };
  }
}

/** `workHours: null` (remind all day) has no leaf of its own: a policy that writes it whole. */
function nullPolicy(layer: Layer, path: string): AdmxPolicy {
  const label = `${settingLabel(path)}: none`;
  const valueName = `${layer}.${path}`;
  return {
    name: policyName(layer, `${path}.none`),
    category: `Unhunch_${layer}`,
    label,
    explain: [
      `${layer === 'locked' ? 'Locks' : 'Sets the default of'} ${path} to none (for work hours: remind at any hour, every day). Do not also enable the policies for its parts.`,
      `Registry: ${POLICY_REGISTRY_KEY}, value ${valueName} = null.`,
    ].join('\n\n'),
    valueName,
    body: '<enabledValue><string>null</string></enabledValue>',
  };
}

function wholePolicy(): AdmxPolicy {
  return {
    name: 'policy_json',
    category: 'Unhunch',
    label: 'Organisation policy (JSON)',
    explain: [
      'A whole Unhunch policy as JSON, as in a policy file: {"version": 1, "defaults": {…}, "locked": {…}, "exercises": […], "checklist": […], "links": […]}. Use it for the organisation’s exercises, checklist items and links. The other Unhunch policies refine it.',
      'Check the JSON first with: unhunch policy validate FILE',
      `Registry: ${POLICY_REGISTRY_KEY}, value Policy (one JSON text over several lines).`,
    ].join('\n\n'),
    body: '<elements><multiText id="policy_json_value" valueName="Policy" required="true"/></elements>',
    presentation: '<multiTextBox refId="policy_json_value">The policy, as JSON</multiTextBox>',
  };
}

export function admxPolicies(): AdmxPolicy[] {
  const policies = [wholePolicy()];
  const nullable = nullableObjects();
  for (const layer of ['defaults', 'locked'] as const) {
    for (const path of nullable) policies.push(nullPolicy(layer, path));
    for (const leaf of settingLeaves()) policies.push(leafPolicy(layer, leaf));
  }
  return policies;
}

export function admxTemplates(version: string): AdmxTemplates {
  const policies = admxPolicies();
  const admx = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">`,
    '  <policyNamespaces>',
    '    <target prefix="unhunch" namespace="Unhunch.Policies.Unhunch"/>',
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0"/>',
    '  <supportedOn>',
    '    <definitions>',
    '      <definition name="SUPPORTED_Unhunch" displayName="$(string.SUPPORTED_Unhunch)"/>',
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    '    <category name="Unhunch" displayName="$(string.Unhunch)"/>',
    '    <category name="Unhunch_defaults" displayName="$(string.Unhunch_defaults)"><parentCategory ref="Unhunch"/></category>',
    '    <category name="Unhunch_locked" displayName="$(string.Unhunch_locked)"><parentCategory ref="Unhunch"/></category>',
    '  </categories>',
    '  <policies>',
    ...policies.map((p) =>
      [
        `    <policy name="${p.name}" class="Machine" displayName="$(string.${p.name})" explainText="$(string.${p.name}_Explain)"`,
        p.presentation ? ` presentation="$(presentation.${p.name})"` : '',
        ` key="${xml(KEY)}"`,
        p.valueName ? ` valueName="${xml(p.valueName)}"` : '',
        `><parentCategory ref="${p.category}"/><supportedOn ref="SUPPORTED_Unhunch"/>${p.body}</policy>`,
      ].join(''),
    ),
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\n');

  const strings: [string, string][] = [
    ['Unhunch', 'Unhunch'],
    ['Unhunch_defaults', 'Defaults (people can change them)'],
    ['Unhunch_locked', 'Locked (managed by your organization)'],
    ['SUPPORTED_Unhunch', `Unhunch ${version} and later`],
    ...policies.flatMap((p): [string, string][] => [
      [p.name, p.label],
      [`${p.name}_Explain`, p.explain],
    ]),
  ];
  const adml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">`,
    '  <displayName>Unhunch</displayName>',
    '  <description>Organisation policy for Unhunch: defaults, locked settings and content.</description>',
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...policies
      .filter((p) => p.presentation)
      .map((p) => `      <presentation id="${p.name}">${p.presentation}</presentation>`),
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
  return { admx, adml };
}
