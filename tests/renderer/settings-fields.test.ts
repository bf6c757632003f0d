import { beforeEach, describe, expect, it } from 'vitest';
import {
  choiceField,
  durationField,
  type FieldContext,
  listField,
  numberField,
} from '../../renderer/src/settings/fields';
import type { SettingsIssue, SettingsView } from '../../src/contract/contract';
import { english, settle } from './page-harness';

/**
 * The settings page's field components in happy-dom, each with a page that records
 * what it was asked to check and save, and refuses what the test says it refuses.
 */
async function fieldContext(
  refuse: (change: Record<string, unknown>) => SettingsIssue[] = () => [],
) {
  const t = await english();
  const log: { validated: unknown[]; saved: unknown[] } = { validated: [], saved: [] };
  const context: FieldContext = {
    t: (key, values) => t(key, { ns: 'settings', ...values }),
    async validate(change) {
      log.validated.push(change);
      const issues = refuse(change);
      return { ok: issues.length === 0, issues };
    },
    async save(change) {
      log.saved.push(change);
      return null;
    },
    issueText: (_issue, fallback) => fallback ?? '',
  };
  return { context, log };
}

function view(effective: Record<string, unknown>, locked: string[] = []): SettingsView {
  return { effective, user: {}, locked, managed: locked.length > 0 } as SettingsView;
}

function type(input: HTMLInputElement, text: string, event: 'input' | 'change') {
  input.value = text;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

describe('settings field components', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('a duration shows the file\'s "1h30m" as 90 minutes and saves 45 minutes as "45m"', async () => {
    const { context, log } = await fieldContext();
    const field = durationField(
      { path: 'microBreak.every', unit: 'minutes', min: 1, max: 240 },
      context,
    );
    document.body.append(field.element);
    field.show(view({ microBreak: { every: '1h30m' } }), true);
    const input = field.element.querySelector('input')!;
    expect(input.value).toBe('90');
    expect(field.element.querySelector('label')?.textContent).toContain('Micro break every');
    expect(field.element.querySelector('.unit')?.textContent).toBe('minutes');

    type(input, '45', 'change');
    await settle();
    expect(log.saved).toEqual([{ microBreak: { every: '45m' } }]);
  });

  it('a duration the app refuses shows the range beside the field and is not saved', async () => {
    const { context, log } = await fieldContext((change) =>
      JSON.stringify(change).includes('"8h20m"')
        ? [{ path: 'microBreak.every', code: 'setting-too-big' as const, params: { max: 120 } }]
        : [],
    );
    const field = durationField(
      { path: 'microBreak.every', unit: 'minutes', min: 1, max: 240 },
      context,
    );
    document.body.append(field.element);
    const input = field.element.querySelector('input')!;
    type(input, '500', 'change');
    await settle();
    const error = field.element.querySelector('.field-error')!;
    expect(error.textContent).toBe('Enter a whole number from 1 to 240 minutes.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(log.saved).toEqual([]);
    // Text that is no number at all is not even sent to the app.
    type(input, '', 'input');
    await settle();
    expect(log.validated).toHaveLength(1);
  });

  it('a number with "no limit" saves an emptied field as null', async () => {
    const { context, log } = await fieldContext();
    const field = numberField(
      { path: 'skip.maxPerDay', unit: 'times', min: 0, max: 50, nullable: true },
      context,
    );
    document.body.append(field.element);
    field.show(view({ skip: { maxPerDay: 3 } }), true);
    const input = field.element.querySelector('input')!;
    expect(input.value).toBe('3');
    type(input, '', 'change');
    await settle();
    expect(log.saved).toEqual([{ skip: { maxPerDay: null } }]);
  });

  it('a choice lists its options in words and saves the one chosen', async () => {
    const { context, log } = await fieldContext();
    const field = choiceField({ path: 'theme', options: ['system', 'light', 'dark'] }, context);
    document.body.append(field.element);
    field.show(view({ theme: 'light' }), true);
    const select = field.element.querySelector('select')!;
    expect(select.value).toBe('light');
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual([
      'As the system is set',
      'Light',
      'Dark',
    ]);
    select.value = 'dark';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(log.saved).toEqual([{ theme: 'dark' }]);
  });

  it('a list saves the checked items in their order, and hides while it does not apply', async () => {
    const { context, log } = await fieldContext();
    const field = listField(
      {
        path: 'workHours.days',
        items: ['mon', 'tue', 'wed'],
        itemKey: 'days',
        shownWhen: (v) => v.effective.workHours !== null,
      },
      context,
    );
    document.body.append(field.element);
    field.show(view({ workHours: { days: ['mon'] } }), true);
    const boxes = [...field.element.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    boxes[2]!.checked = true;
    boxes[2]!.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(log.saved).toEqual([{ workHours: { days: ['mon', 'wed'] } }]);
    field.show(view({ workHours: null }), true);
    expect(field.element.hidden).toBe(true);
  });

  it('a locked field is disabled and says the organisation manages it', async () => {
    const { context } = await fieldContext();
    const field = durationField(
      { path: 'longBreak.every', unit: 'minutes', min: 1, max: 480 },
      context,
    );
    document.body.append(field.element);
    field.show(view({ longBreak: { every: '1h' } }, ['longBreak.every']), true);
    field.setLocked(true);
    expect(field.element.querySelector('input')!.disabled).toBe(true);
    const note = field.element.querySelector<HTMLElement>(
      '[data-testid="managed-longBreak.every"]',
    )!;
    expect(note.hidden).toBe(false);
    expect(note.textContent?.trim()).toBe('Managed by your organization');
  });
});
