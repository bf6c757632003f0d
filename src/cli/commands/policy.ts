import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import pkg from '../../../package.json';
import { admxTemplates } from '../../app/policy/admx';
import { explainPolicy, formatExplanation, showValue } from '../../app/policy/explain';
import { loadPolicy, type PolicyLoad, unique } from '../../app/policy/load';
import { mobileconfig } from '../../app/policy/mobileconfig';
import { policyJsonSchema } from '../../app/policy/shape';
import { machinePolicySources, type PolicySource } from '../../app/policy/sources';
import { effectiveSettings, type Policy, parsePolicy } from '../../contract/settings';
import { isRecord, leafPaths } from '../../core/json';
import { type CliIo, EXIT_BAD_INPUT, processIo } from './io';

/**
 * `unhunch policy …`: an administrator's tools for the organisation policy
 * (docs/policy.md). Exit codes: 0 good, 1 an invalid policy (every problem listed by
 * JSON path), 2 unusable arguments or a file that cannot be read.
 */

export const EXIT_INVALID_POLICY = 1;

type PolicyRead = { ok: true; policy: Policy } | { ok: false; code: number; problems: string[] };

/** A policy file as a typed policy, or every problem with its JSON path. */
async function readPolicyFile(io: CliIo, file: string): Promise<PolicyRead> {
  const name = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    return {
      ok: false,
      code: EXIT_BAD_INPUT,
      problems: [`cannot read ${name}: ${(error as Error).message}`],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      code: EXIT_INVALID_POLICY,
      problems: [`(top level): not valid JSON: ${(error as Error).message}`],
    };
  }
  const parsed = parsePolicy(value);
  if (!parsed.ok) return { ok: false, code: EXIT_INVALID_POLICY, problems: unique(parsed.issues) };
  // Valid keys that cannot make settings together would be a bug in the schema: say so plainly.
  try {
    effectiveSettings(undefined, parsed.policy);
  } catch (error) {
    return {
      ok: false,
      code: EXIT_INVALID_POLICY,
      problems: [`policy: the settings cannot be combined: ${(error as Error).message}`],
    };
  }
  return { ok: true, policy: parsed.policy };
}

export async function runValidate(files: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  for (const file of files) {
    const read = await readPolicyFile(io, file);
    if (read.ok) {
      io.stdout(`${file}: valid\n`);
      continue;
    }
    code = Math.max(code, read.code);
    if (read.code === EXIT_BAD_INPUT) {
      io.stderr(`unhunch policy validate: ${read.problems.join('\n')}\n`);
    } else {
      io.stdout(`${file}: invalid\n${read.problems.map((p) => `  ${p}\n`).join('')}`);
    }
  }
  return code;
}

export async function runExplain(file: string, json: boolean, io: CliIo): Promise<number> {
  const read = await readPolicyFile(io, file);
  if (!read.ok) {
    io.stderr(
      read.code === EXIT_BAD_INPUT
        ? `unhunch policy explain: ${read.problems.join('\n')}\n`
        : `unhunch policy explain: ${file} is invalid:\n${read.problems.map((p) => `  ${p}\n`).join('')}`,
    );
    return read.code;
  }
  const explanation = explainPolicy(read.policy);
  io.stdout(
    json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation, file),
  );
  return 0;
}

/** Every value of the policy in force, each with the place that decided it. */
function policyValues(load: PolicyLoad): { key: string; value: string; from: string }[] {
  const policy = load.policy;
  if (!policy) return [];
  const rows: { key: string; value: string; from: string }[] = [];
  for (const layer of ['defaults', 'locked'] as const) {
    const set = policy[layer];
    if (!isRecord(set)) continue;
    for (const path of leafPaths(set, layer)) {
      let value: unknown = policy;
      for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
      rows.push({ key: path, value: showValue(value), from: load.origins[path] ?? '?' });
    }
  }
  const content = [
    ...(policy.exercises ?? []).map((e, i) => ({ key: `exercises[${i}]`, value: e.id })),
    ...(policy.checklist ?? []).map((c, i) => ({ key: `checklist[${i}]`, value: c.id })),
    ...(policy.links ?? []).map((l, i) => ({ key: `links[${i}]`, value: l.url })),
  ];
  for (const item of content) rows.push({ ...item, from: load.origins[item.key] ?? '?' });
  return rows;
}

export async function runShow(
  json: boolean,
  io: CliIo,
  sources: readonly PolicySource[],
): Promise<number> {
  const load = await loadPolicy(sources);
  const code = load.invalid || load.refused ? EXIT_INVALID_POLICY : 0;
  if (json) {
    io.stdout(
      `${JSON.stringify(
        {
          sources: load.sources,
          policy: load.policy ?? null,
          origins: load.origins,
          invalid: load.invalid,
          refused: load.refused,
        },
        null,
        2,
      )}\n`,
    );
    return code;
  }
  const lines = ['Policy places on this machine, lowest precedence first:'];
  const width = Math.max(...load.sources.map((s) => s.state.length));
  for (const source of load.sources) {
    lines.push(`  ${source.state.padEnd(width)}  ${source.where}`);
    for (const issue of source.issues) lines.push(`  ${' '.repeat(width)}    ${issue}`);
  }
  lines.push('');
  if (load.invalid) {
    lines.push(
      'The policy cannot be applied. Unhunch keeps the policy it last applied (none if it has',
      'just started) and tells people their organization’s settings could not be applied.',
    );
  } else if (!load.policy) {
    lines.push('No policy in force: Unhunch’s defaults apply and people may change every setting.');
  } else {
    lines.push('The policy in force:');
    const rows = policyValues(load);
    const keyWidth = Math.max(...rows.map((r) => r.key.length));
    const valueWidth = Math.max(...rows.map((r) => r.value.length));
    for (const row of rows) {
      lines.push(
        `  ${row.key.padEnd(keyWidth)}  ${row.value.padEnd(valueWidth)}  from ${row.from}`,
      );
    }
  }
  if (load.refused) {
    lines.push(
      '',
      'A refused file is never read: only root (or an administrator) may be able to change it',
      'and the folders above it. Fix its owner and permissions, e.g. chown root:root and chmod 644.',
    );
  }
  io.stdout(`${lines.join('\n')}\n`);
  return code;
}

export async function runAdmx(out: string, io: CliIo): Promise<number> {
  const { admx, adml } = admxTemplates(pkg.version);
  try {
    await mkdir(join(out, 'en-US'), { recursive: true });
    await writeFile(join(out, 'unhunch.admx'), admx);
    await writeFile(join(out, 'en-US', 'unhunch.adml'), adml);
  } catch (error) {
    io.stderr(`unhunch policy admx: cannot write to ${out}: ${(error as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(
    `Wrote ${join(out, 'unhunch.admx')} and ${join(out, 'en-US', 'unhunch.adml')}.\n` +
      'Copy them to the PolicyDefinitions folder of your central store (docs/deployment.md).\n',
  );
  return 0;
}

export async function runMobileconfig(
  file: string,
  options: { out?: string; identifier?: string; organization?: string },
  io: CliIo,
): Promise<number> {
  const read = await readPolicyFile(io, file);
  if (!read.ok) {
    io.stderr(
      `unhunch policy mobileconfig: ${file} cannot be used:\n${read.problems.map((p) => `  ${p}\n`).join('')}`,
    );
    return read.code;
  }
  const profile = mobileconfig(read.policy, {
    ...(options.identifier ? { identifier: options.identifier } : {}),
    ...(options.organization ? { organization: options.organization } : {}),
  });
  if (!options.out) {
    io.stdout(profile);
    return 0;
  }
  try {
    await writeFile(options.out, profile);
  } catch (error) {
    io.stderr(
      `unhunch policy mobileconfig: cannot write ${options.out}: ${(error as Error).message}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  io.stdout(`Wrote ${options.out}. Upload it to your MDM as a custom configuration profile.\n`);
  return 0;
}

export function registerPolicy(
  program: Command,
  io: CliIo = processIo(),
  sources: () => PolicySource[] = () => machinePolicySources({ platform: process.platform }),
): Command {
  const policy = program
    .command('policy')
    .description('check, explain and deploy an organisation policy (docs/policy.md)')
    // Subcommands copy this when created: a usage error then exits 2 through main(), not 1.
    .exitOverride();
  policy
    .command('validate')
    .description(
      'check policy files: exit 0 valid, 1 invalid (each problem by JSON path), 2 unreadable',
    )
    .argument('<files...>', 'policy files (JSON); - reads standard input')
    .action(async (files: string[]) => {
      process.exitCode = await runValidate(files, io);
    });
  policy
    .command('show')
    .description('the policy in force on this machine, and where each part came from')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      process.exitCode = await runShow(options.json === true, io, sources());
    });
  policy
    .command('explain')
    .description('what a policy sets as defaults and locks, against Unhunch’s defaults')
    .argument('<file>', 'a policy file (JSON)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      process.exitCode = await runExplain(file, options.json === true, io);
    });
  policy
    .command('schema')
    .description('print the policy’s JSON Schema')
    .action(() => {
      io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
      process.exitCode = 0;
    });
  policy
    .command('admx')
    .description('write Group Policy templates: DIR/unhunch.admx and DIR/en-US/unhunch.adml')
    .requiredOption('--out <dir>', 'folder to write the templates to')
    .action(async (options: { out: string }) => {
      process.exitCode = await runAdmx(options.out, io);
    });
  policy
    .command('mobileconfig')
    .description('a macOS configuration profile carrying a policy file, for your MDM')
    .argument('<file>', 'a policy file (JSON)')
    .option('--out <file>', 'write the profile here instead of printing it')
    .option('--identifier <id>', 'the profile identifier', 'org.unhunch.policy')
    .option('--organization <name>', 'your organization, shown in System Settings')
    .action(
      async (
        file: string,
        options: { out?: string; identifier?: string; organization?: string },
      ) => {
        process.exitCode = await runMobileconfig(file, options, io);
      },
    );
  return policy;
}
