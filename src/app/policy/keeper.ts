import type { Policy } from '../../contract/settings';
import type { NoticeBoard } from '../notices';
import type { Logger } from '../ports';
import type { SettingsState } from '../settings-state';
import { type PolicyLoad, policyProblems } from './load';

/**
 * What the app does with each reading of the machine's policy (docs/architecture.md "Settings and
 * policy"): a good reading is applied; a bad one never stops the app, which keeps the
 * last good policy (or none), logs every problem with its place and JSON path, and
 * tells the person discreetly until a good policy arrives.
 */

export interface PolicyDecision {
  policy: Policy | undefined;
  /** Lines for the log and the notice; empty when the organisation's policy applies in full. */
  problems: string[];
}

export function decidePolicy(lastGood: Policy | undefined, load: PolicyLoad): PolicyDecision {
  return {
    policy: load.invalid ? lastGood : load.policy,
    problems: policyProblems(load),
  };
}

/** The first lines of the problems, short enough for a notice; the log has them all. */
function noticeDetail(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}

export interface PolicyKeeper {
  apply(load: PolicyLoad): void;
  current(): Policy | undefined;
}

export function createPolicyKeeper(deps: {
  settings: SettingsState;
  notices: NoticeBoard;
  logger: Logger;
}): PolicyKeeper {
  const { settings, notices, logger } = deps;
  let lastGood = settings.policy();
  let lastReading: string | undefined;
  return {
    current: () => lastGood,
    apply(load) {
      // Polling reads the same thing again and again: act and log only on a change.
      const reading = JSON.stringify({ sources: load.sources, policy: load.policy });
      if (reading === lastReading) return;
      lastReading = reading;

      const decision = decidePolicy(lastGood, load);
      for (const problem of decision.problems) logger.warn(`policy: ${problem}`);
      if (load.invalid) {
        logger.warn(
          lastGood
            ? 'policy: the organisation policy could not be applied; the last good one stays in force'
            : 'policy: the organisation policy could not be applied; running without one',
        );
      }
      if (JSON.stringify(decision.policy) !== JSON.stringify(lastGood)) {
        lastGood = decision.policy;
        settings.setPolicy(decision.policy);
        const from = load.sources.filter((s) => s.state === 'in force').map((s) => s.where);
        logger.info(
          decision.policy ? `policy: applied from ${from.join(', ')}` : 'policy: none in force',
        );
      }
      if (decision.problems.length > 0) {
        notices.add({ id: 'policy-invalid', detail: noticeDetail(decision.problems) });
      } else {
        notices.remove('policy-invalid');
      }
    },
  };
}
