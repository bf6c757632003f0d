import { type Policy, parsePolicy } from '../../contract/settings';
import { mergePolicyPieces, type PolicyPiece } from './merge';
import type { PolicySource } from './sources';

/**
 * One reading of every policy place on the machine: what each held, and the policy
 * they make together. Any invalid part makes the whole reading invalid, so the app
 * keeps its last good policy rather than applying half an organisation's intent.
 */

export type SourceState = 'absent' | 'in force' | 'invalid' | 'refused';

export interface SourceReport {
  where: string;
  state: SourceState;
  /** For `invalid`: every problem, `policy.locked.microBreak.every: …`; for `refused`: why. */
  issues: string[];
}

export interface PolicyLoad {
  /** Every place looked at, lowest precedence first (one line per policy.d file). */
  sources: SourceReport[];
  /** The policy in force from this reading; undefined when there is none or it is invalid. */
  policy?: Policy;
  /** Which place decided each value (`locked.microBreak.every`, `exercises[0]`). */
  origins: Record<string, string>;
  /** A part could not be read or validated: keep the last good policy. */
  invalid: boolean;
  /** Places refused because someone other than an administrator can write them. */
  refused: boolean;
}

export async function loadPolicy(sources: readonly PolicySource[]): Promise<PolicyLoad> {
  const reports: SourceReport[] = [];
  const pieces: PolicyPiece[] = [];
  for (const source of sources) {
    let reads: Awaited<ReturnType<PolicySource['read']>>;
    try {
      reads = await source.read();
    } catch (error) {
      reads = [{ where: source.where, state: 'invalid', issues: [(error as Error).message] }];
    }
    if (reads.length === 0) reports.push({ where: source.where, state: 'absent', issues: [] });
    for (const read of reads) {
      if (read.state === 'refused') {
        reports.push({ where: read.where, state: 'refused', issues: [read.reason] });
      } else if (read.state === 'invalid') {
        reports.push({ where: read.where, state: 'invalid', issues: read.issues });
      } else {
        const parsed = parsePolicy(read.value);
        if (parsed.ok) {
          pieces.push({ where: read.where, value: parsed.policy as Record<string, unknown> });
          reports.push({ where: read.where, state: 'in force', issues: [] });
        } else {
          reports.push({ where: read.where, state: 'invalid', issues: unique(parsed.issues) });
        }
      }
    }
  }
  const refused = reports.some((report) => report.state === 'refused');
  if (reports.some((report) => report.state === 'invalid')) {
    return { sources: reports, origins: {}, invalid: true, refused };
  }
  const merged = mergePolicyPieces(pieces);
  if (!merged) return { sources: reports, origins: {}, invalid: false, refused };
  // Valid parts can still clash together, e.g. one exercise id in two files.
  const whole = parsePolicy(merged.value);
  if (!whole.ok) {
    reports.push({
      where: `the policy made of ${pieces.map((piece) => piece.where).join(' + ')}`,
      state: 'invalid',
      issues: unique(whole.issues),
    });
    return { sources: reports, origins: {}, invalid: true, refused };
  }
  return {
    sources: reports,
    policy: whole.policy,
    origins: merged.origins,
    invalid: false,
    refused,
  };
}

/** Two checks of one value can say the same thing twice. */
export function unique(lines: readonly string[]): string[] {
  return [...new Set(lines)];
}

/** Every problem of a reading, one line each with its place: for logs and notices. */
export function policyProblems(load: PolicyLoad): string[] {
  return load.sources.flatMap((report) =>
    report.state === 'invalid'
      ? report.issues.map((issue) => `${report.where}: ${issue}`)
      : report.state === 'refused'
        ? report.issues.map((issue) => `${report.where} ignored: ${issue}`)
        : [],
  );
}
