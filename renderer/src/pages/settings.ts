import type { Notice, SettingsView } from '../../../src/contract/contract';
import {
  LANGUAGE_SETTINGS,
  type LimitedSetting,
  MAX_SETTINGS_IMPORT_CHARS,
  SETTING_LIMITS,
  THEME_SETTINGS,
  THERAPY_MAX_MINUTES,
  THERAPY_MIN_MINUTES,
} from '../../../src/contract/settings-limits';
import { el } from '../dom';
import { downloadText } from '../download';
import {
  type ChoiceSpec,
  choiceField,
  type DurationSpec,
  durationField,
  type Field,
  type FieldContext,
  listField,
  type NumberSpec,
  numberField,
  timeField,
  toggleField,
  type Unit,
} from '../settings/fields';
import { mountCheckinSetting } from './checkin-setting';
import type { MountedPage, PageContext } from './index';

/**
 * Every setting, grouped as people think of them. A change is checked by the app as
 * it is typed (`validateSettings`, the same schema that guards the file) and saved
 * when the field is left or Enter is pressed; a problem shows beside the field with
 * the allowed range. What the organisation's policy locks is shown disabled.
 */

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type FieldSpec =
  | { kind: 'toggle'; path: string }
  | ({ kind: 'number' } & NumberSpec)
  | ({ kind: 'duration' } & DurationSpec)
  | { kind: 'work-hours'; path: 'workHours' }
  | { kind: 'days'; path: 'workHours.days' }
  | { kind: 'time'; path: 'workHours.from' | 'workHours.to' }
  /** One of a few words, each labelled `options.<path>.<value>`. */
  | ({ kind: 'choice' } & ChoiceSpec)
  /** A heading inside a group; `path` names its words (`subheadings.<path>`). */
  | { kind: 'subheading'; path: string };

const duration = (path: LimitedSetting, unit: 'minutes' | 'seconds'): FieldSpec => {
  const unitMs = unit === 'minutes' ? MINUTE_MS : SECOND_MS;
  const { min, max } = SETTING_LIMITS[path];
  return { kind: 'duration', path, unit, min: min / unitMs, max: max / unitMs };
};
const count = (path: LimitedSetting, unit: Unit, nullable = false): FieldSpec => ({
  kind: 'number',
  path,
  unit,
  ...SETTING_LIMITS[path],
  ...(nullable ? { nullable, note: 'fields.skip.noLimit' } : {}),
});
const toggle = (path: string): FieldSpec => ({ kind: 'toggle', path });
const therapyMinutes = (path: string, note?: string): FieldSpec => ({
  kind: 'number',
  path,
  unit: 'minutes',
  min: THERAPY_MIN_MINUTES,
  max: THERAPY_MAX_MINUTES,
  ...(note ? { note, noteValues: { max: THERAPY_MAX_MINUTES } } : {}),
});

const GROUPS: { id: string; fields: FieldSpec[] }[] = [
  {
    id: 'breaks',
    fields: [
      toggle('microBreak.enabled'),
      duration('microBreak.every', 'minutes'),
      duration('microBreak.duration', 'seconds'),
      toggle('longBreak.enabled'),
      duration('longBreak.every', 'minutes'),
      duration('longBreak.duration', 'minutes'),
      duration('warningBefore', 'seconds'),
      duration('postpone.duration', 'minutes'),
      count('postpone.maxPerBreak', 'times'),
      count('skip.maxPerDay', 'times', true),
      toggle('strictMode'),
      toggle('naturalBreaks'),
      { kind: 'subheading', path: 'deferral' },
      toggle('deferral.camera'),
      toggle('deferral.microphone'),
      toggle('deferral.screenSharing'),
      toggle('deferral.fullscreen'),
      toggle('deferral.doNotDisturb'),
      toggle('deferral.meetingApps'),
      count('deferral.maxMinutes', 'minutes'),
      { kind: 'subheading', path: 'sitStand' },
      toggle('sitStand.enabled'),
      count('sitStand.sitMinutes', 'minutes'),
      count('sitStand.standMinutes', 'minutes'),
      count('sitStand.moveMinutes', 'minutes'),
    ],
  },
  {
    id: 'workHours',
    fields: [
      { kind: 'work-hours', path: 'workHours' },
      { kind: 'days', path: 'workHours.days' },
      { kind: 'time', path: 'workHours.from' },
      { kind: 'time', path: 'workHours.to' },
    ],
  },
  {
    id: 'therapy',
    fields: [
      therapyMinutes('therapy.defaultMinutes'),
      therapyMinutes('therapy.capMinutes', 'fields.therapy.capNote'),
      duration('therapy.restBetween', 'minutes'),
    ],
  },
  {
    id: 'notifications',
    fields: [
      toggle('notifications.enabled'),
      toggle('notifications.sound'),
      count('notifications.volume', 'percent'),
    ],
  },
  { id: 'startup', fields: [toggle('startup.openAtLogin')] },
  {
    id: 'appearance',
    fields: [
      { kind: 'choice', path: 'language', options: LANGUAGE_SETTINGS },
      { kind: 'choice', path: 'theme', options: THEME_SETTINGS },
    ],
  },
  { id: 'privacy', fields: [count('history.keepDays', 'days')] },
];

export function mount(root: HTMLElement, { api, t, navigate }: PageContext): MountedPage {
  const ts = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'settings', ...values });
  const status = el('p', {
    class: 'settings-status',
    role: 'status',
    'data-testid': 'settings-status',
  });
  const storageNotice = el('p', {
    class: 'notice',
    role: 'alert',
    'data-testid': 'settings-storage',
    hidden: '',
  });
  const managedIntro = el(
    'p',
    { class: 'notice', 'data-testid': 'settings-managed', hidden: '' },
    ts('managedIntro'),
  );

  const say = (text: string) => {
    status.textContent = text;
  };

  const save = async (change: Record<string, unknown>): Promise<string | null> => {
    try {
      const result = await api.call('updateSettings', change);
      if (result.ok) say(ts('saved'));
      return result.ok ? null : result.reason;
    } catch (error) {
      return (error as Error).message;
    }
  };

  const context: FieldContext = {
    t: ts,
    validate: (change) => api.call('validateSettings', change),
    save,
    issueText: (issue, fallback) =>
      issue.message === 'managed by your organization' ? ts('managed') : fallback,
  };
  const workHoursOn = (view: SettingsView) => view.effective.workHours !== null;

  const fields: Field[] = [];
  const fieldFor = (spec: FieldSpec): Field | HTMLElement => {
    switch (spec.kind) {
      case 'number':
        return numberField(spec, context);
      case 'duration':
        return durationField(spec, context);
      case 'toggle':
        return toggleField({ path: spec.path, label: ts(`fields.${spec.path}`) }, context);
      case 'work-hours':
        // Back on, the work hours start from the defaults (or the organisation's).
        return toggleField(
          {
            path: 'workHours',
            label: ts('fields.workHours.enabled'),
            change: (on) => ({ workHours: on ? {} : null }),
            read: workHoursOn,
          },
          context,
        );
      case 'days':
        return listField(
          { path: spec.path, items: WEEKDAYS, itemKey: 'days', shownWhen: workHoursOn },
          context,
        );
      case 'time':
        return timeField({ path: spec.path, shownWhen: workHoursOn }, context);
      case 'choice':
        return choiceField(spec, context);
      case 'subheading':
        return el('h3', { class: 'settings-subheading' }, ts(`subheadings.${spec.path}`));
    }
  };

  const sections = GROUPS.map(({ id, fields: specs }) => {
    const headingId = `settings-group-${id}`;
    const section = el(
      'section',
      { class: 'card settings-group', 'aria-labelledby': headingId, 'data-testid': headingId },
      el('h2', { id: headingId }, ts(`groups.${id}`)),
    );
    for (const spec of specs) {
      const field = fieldFor(spec);
      if (field instanceof HTMLElement) section.append(field);
      else {
        section.append(field.element);
        fields.push(field);
      }
    }
    return section;
  });

  // Privacy: clearing the history, behind a confirmation.
  const privacy = sections.find((s) => s.dataset.testid === 'settings-group-privacy')!;
  const clearButton = el(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'clear-history' },
    ts('privacy.clear'),
  );
  const cancel = el(
    'button',
    { type: 'button', class: 'secondary', autofocus: '', 'data-testid': 'clear-history-cancel' },
    ts('privacy.cancel'),
  );
  const confirm = el(
    'button',
    { type: 'button', class: 'danger', 'data-testid': 'clear-history-confirm' },
    ts('privacy.confirm'),
  );
  const dialog = el(
    'dialog',
    {
      'aria-labelledby': 'clear-history-title',
      'aria-describedby': 'clear-history-body',
      'data-testid': 'clear-history-dialog',
    },
    el('h2', { id: 'clear-history-title' }, ts('privacy.confirmTitle')),
    el('p', { id: 'clear-history-body' }, ts('privacy.confirmBody')),
    el('div', { class: 'dialog-actions' }, cancel, confirm),
  );
  clearButton.addEventListener('click', () => dialog.showModal());
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', async () => {
    dialog.close();
    try {
      const result = await api.call('clearHistory');
      say(result.ok ? ts('privacy.cleared') : ts('privacy.clearFailed', { reason: result.reason }));
    } catch (error) {
      say(ts('privacy.clearFailed', { reason: (error as Error).message }));
    }
    clearButton.focus();
  });
  privacy.insertBefore(el('p', {}, ts('privacy.local')), privacy.children[1] ?? null);
  privacy.append(el('div', { class: 'settings-actions' }, clearButton), dialog);

  // The settings file: restore defaults, export, import.
  const restore = el(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'restore-defaults' },
    ts('file.restore'),
  );
  const exportButton = el(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'export-settings' },
    ts('file.export'),
  );
  const importInput = el('input', {
    type: 'file',
    id: 'settings-import',
    accept: '.json,application/json',
    'data-testid': 'import-settings',
  });
  const importIssues = el('ul', { class: 'field-error', 'data-testid': 'import-issues' });
  restore.addEventListener('click', async () => {
    try {
      const result = await api.call('restoreDefaults');
      if (!result.ok) return say(ts('saveFailed', { reason: result.reason }));
      await refresh(true);
      say(ts('file.restored'));
    } catch (error) {
      say(ts('saveFailed', { reason: (error as Error).message }));
    }
  });
  exportButton.addEventListener('click', async () => {
    const file = await api.call('exportSettings');
    downloadText(file.fileName, file.text, 'application/json');
    say(ts('file.exported', { fileName: file.fileName }));
  });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importIssues.replaceChildren();
    if (!file) return;
    importInput.value = '';
    if (file.size > MAX_SETTINGS_IMPORT_CHARS) return say(ts('file.tooBig'));
    try {
      const result = await api.call('importSettings', { text: await file.text() });
      if (!result.ok) {
        say(ts('file.importFailed'));
        importIssues.replaceChildren(...result.issues.map((issue) => el('li', {}, issue)));
        return;
      }
      await refresh(true);
      say(
        result.ignoredLocked.length > 0
          ? ts('file.importedExceptManaged', { paths: result.ignoredLocked.join(', ') })
          : ts('file.imported'),
      );
    } catch (error) {
      say(ts('saveFailed', { reason: (error as Error).message }));
    }
  });
  const fileSection = el(
    'section',
    { class: 'card settings-group', 'aria-labelledby': 'settings-group-file' },
    el('h2', { id: 'settings-group-file' }, ts('groups.file')),
    el('div', { class: 'settings-actions' }, restore, exportButton),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'settings-import' }, ts('file.import')),
      importInput,
    ),
    importIssues,
  );
  // The first-run welcome, again (presets, work hours, where the tray icon is).
  const welcomeAgain = el(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'settings-welcome' },
    t('common:welcome.again'),
  );
  welcomeAgain.addEventListener('click', () => navigate('welcome'));
  fileSection.append(el('div', { class: 'settings-actions' }, welcomeAgain));

  // The weekly check-in: the person's own switch, out of reach of any policy.
  const checkinSetting = el('div');
  const checkin = mountCheckinSetting(checkinSetting, { api, t });
  root.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'settings-heading' },
      el('h2', { id: 'settings-heading' }, ts('heading')),
      el('p', { class: 'detail' }, ts('intro')),
      managedIntro,
      storageNotice,
    ),
    ...sections,
    checkinSetting,
    fileSection,
    el('div', { class: 'settings-live' }, status),
  );

  const isLocked = (path: string, locked: readonly string[]) =>
    locked.some((p) => p === path || path.startsWith(`${p}.`) || p.startsWith(`${path}.`));

  const render = (current: SettingsView, force: boolean) => {
    for (const field of fields) {
      field.show(current, force);
      field.setLocked(isLocked(field.path, current.locked));
    }
    managedIntro.hidden = current.locked.length === 0;
    root.setAttribute('aria-busy', 'false');
  };
  const refresh = async (force: boolean) => render(await api.call('getSettings'), force);

  const showNotices = (notices: Notice[]) => {
    const failure = notices.find((notice) => notice.id === 'storage-failed');
    storageNotice.hidden = !failure;
    storageNotice.textContent = failure ? ts('storageFailed', { detail: failure.detail }) : '';
  };

  const unsubscribe = [
    api.on('settings', (current) => render(current, false)),
    api.on('notices', showNotices),
  ];
  void refresh(true);
  void api.call('getNotices').then(showNotices);

  return {
    unmount() {
      for (const off of unsubscribe) off();
      checkin.unmount();
      if (dialog.open) dialog.close();
    },
  };
}
