import { describe, expect, it } from 'vitest';
import { createNoticeBoard } from '../../../src/app/notices';
import { createPolicyKeeper } from '../../../src/app/policy/keeper';
import type { PolicyLoad } from '../../../src/app/policy/load';
import { createSettingsState } from '../../../src/app/settings-state';
import type { Policy } from '../../../src/contract/settings';

const strict: Policy = { version: 1, locked: { strictMode: true } };
const good = (policy: Policy): PolicyLoad => ({
  sources: [{ where: '/etc/unhunch/policy.json', state: 'in force', issues: [] }],
  policy,
  origins: {},
  invalid: false,
  refused: false,
});
const broken: PolicyLoad = {
  sources: [
    {
      where: '/etc/unhunch/policy.json',
      state: 'invalid',
      issues: ['policy.locked.microBreak.every: "soon" is not a duration'],
    },
  ],
  origins: {},
  invalid: true,
  refused: false,
};
const none: PolicyLoad = {
  sources: [{ where: '/etc/unhunch/policy.json', state: 'absent', issues: [] }],
  origins: {},
  invalid: false,
  refused: false,
};

function setup() {
  const warnings: string[] = [];
  const notices = createNoticeBoard();
  const logger = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
  let saved: Record<string, unknown> = {};
  const settings = createSettingsState({
    store: { load: () => saved, save: (s) => (saved = s) },
    logger,
    notices,
  });
  return { keeper: createPolicyKeeper({ settings, notices, logger }), settings, notices, warnings };
}

describe('keeping the organisation policy', () => {
  it('keeps the last good policy when a bad one arrives, logs why and tells the person', () => {
    const { keeper, settings, notices, warnings } = setup();
    keeper.apply(good(strict));
    expect(settings.effective().strictMode).toBe(true);
    keeper.apply(broken);
    expect(settings.policy()).toEqual(strict);
    expect(notices.list()).toEqual([
      {
        id: 'policy-invalid',
        detail:
          '/etc/unhunch/policy.json: policy.locked.microBreak.every: "soon" is not a duration',
      },
    ]);
    expect(warnings).toContain(
      'policy: /etc/unhunch/policy.json: policy.locked.microBreak.every: "soon" is not a duration',
    );
    keeper.apply(good({ version: 1 }));
    expect(settings.policy()).toEqual({ version: 1 });
    expect(notices.list()).toEqual([]);
  });

  it('runs without a policy when the first one is bad', () => {
    const { keeper, settings, notices } = setup();
    keeper.apply(broken);
    expect(settings.policy()).toBeUndefined();
    expect(notices.list().map((n) => n.id)).toEqual(['policy-invalid']);
  });

  it('goes back to the defaults when the policy is removed', () => {
    const { keeper, settings } = setup();
    keeper.apply(good(strict));
    keeper.apply(none);
    expect(settings.policy()).toBeUndefined();
    expect(settings.effective().strictMode).toBe(false);
  });

  it('logs a reading once, however often the same one is polled', () => {
    const { keeper, warnings } = setup();
    keeper.apply(broken);
    const logged = warnings.length;
    keeper.apply(broken);
    keeper.apply(broken);
    expect(warnings.length).toBe(logged);
  });

  it('applies the rest of a policy whose refused file was skipped, and says so', () => {
    const { keeper, settings, notices } = setup();
    keeper.apply({
      ...good(strict),
      sources: [
        { where: '/etc/unhunch/policy.json', state: 'in force', issues: [] },
        {
          where: '/etc/unhunch/policy.d/99-mine.json',
          state: 'refused',
          issues: ['the file can be changed by every user'],
        },
      ],
      refused: true,
    });
    expect(settings.policy()).toEqual(strict);
    expect(notices.list()[0]?.detail).toBe(
      '/etc/unhunch/policy.d/99-mine.json ignored: the file can be changed by every user',
    );
  });
});
