import type { Notice, SettingsView } from '../../../src/contract/contract';
import { refusalText } from '../../../src/contract/i18n';
import { isPathLocked } from '../../../src/contract/locks';
import {
  formatDuration,
  LANGUAGE_SETTINGS,
  type LimitedSetting,
  MAX_SETTINGS_IMPORT_CHARS,
  parseDuration,
  SETTING_LIMITS,
  THEME_SETTINGS,
  THERAPY_MAX_MINUTES,
  THERAPY_MIN_MINUTES,
} from '../../../src/contract/settings-limits';
import { el } from '../dom';
import { downloadText } from '../download';
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

type Unit = 'minutes' | 'seconds' | 'days' | 'percent' | 'times';

type FieldSpec =
  | { kind: 'toggle'; path: string }
  | {
      kind: 'number';
      path: string;
      unit: Unit;
      /** For durations: ms per unit; the file keeps a duration string. */
      unitMs?: number;
      min: number;
      max: number;
      /** Empty means null ("no limit"). */
      nullable?: boolean;
      note?: string;
    }
  | { kind: 'work-hours'; path: 'workHours' }
  | { kind: 'days'; path: 'workHours.days' }
  | { kind: 'time'; path: 'workHours.from' | 'workHours.to' }
  /** One of a few words, each labelled `options.<path>.<value>`. */
  | { kind: 'choice'; path: string; options: readonly string[] }
  /** A heading inside a group; `path` names its words (`subheadings.<path>`). */
  | { kind: 'subheading'; path: string };

const duration = (path: LimitedSetting, unit: 'minutes' | 'seconds', note?: string): FieldSpec => {
  const unitMs = unit === 'minutes' ? MINUTE_MS : SECOND_MS;
  const { min, max } = SETTING_LIMITS[path];
  return {
    kind: 'number',
    path,
    unit,
    unitMs,
    min: min / unitMs,
    max: max / unitMs,
    ...(note ? { note } : {}),
  };
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
  ...(note ? { note } : {}),
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
      duration('therapy.restBetween', 'minutes', 'fields.therapy.restNote'),
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

function valueAt(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** `{ a: { b: value } }` from "a.b". */
function changeAt(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}

const idOf = (path: string) => `setting-${path.replace(/\./g, '-')}`;

interface MountedField {
  spec: FieldSpec;
  /** Show the value in force; `force` also overwrites a field being edited. */
  show(view: SettingsView, force: boolean): void;
  setLocked(locked: boolean): void;
}

export function mount(root: HTMLElement, { api, t }: PageContext): MountedPage {
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

  const rangeText = (spec: Extract<FieldSpec, { kind: 'number' }>, key: 'range' | 'rangeError') =>
    ts(key, { min: spec.min, max: spec.max, unit: ts(`units.${spec.unit}`) });

  const lockedNote = (path: string) =>
    el(
      'p',
      {
        class: 'managed',
        id: `${idOf(path)}-managed`,
        'data-testid': `managed-${path}`,
        hidden: '',
      },
      ts('managed'),
    );

  const save = async (change: Record<string, unknown>, onError: (reason: string) => void) => {
    try {
      const result = await api.call('updateSettings', change);
      if (result.ok) say(ts('saved'));
      else onError(refusalText(t, result));
      return result.ok;
    } catch (error) {
      onError((error as Error).message);
      return false;
    }
  };

  const numberField = (
    spec: Extract<FieldSpec, { kind: 'number' }>,
  ): [HTMLElement, MountedField] => {
    const id = idOf(spec.path);
    const input = el('input', {
      id,
      type: 'number',
      inputmode: 'numeric',
      min: String(spec.min),
      max: String(spec.max),
      step: '1',
      'data-testid': id,
      'aria-describedby': `${id}-hint ${id}-error ${id}-managed`,
    });
    const hint = el(
      'p',
      { class: 'hint', id: `${id}-hint` },
      [
        rangeText(spec, 'range'),
        spec.note ? ts(spec.note, { max: THERAPY_MAX_MINUTES, min: spec.min }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    const error = el('p', {
      class: 'field-error',
      id: `${id}-error`,
      'aria-live': 'polite',
      'data-testid': `${id}-error`,
    });
    const managed = lockedNote(spec.path);
    let checked = 0;

    const showError = (message: string | null) => {
      error.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    };
    /** The change this text makes, or null when it is not a whole number at all. */
    const candidate = (): Record<string, unknown> | null => {
      const text = input.value.trim();
      if (text === '' && spec.nullable) return changeAt(spec.path, null);
      const number = Number(text);
      if (text === '' || !Number.isInteger(number)) return null;
      if (!spec.unitMs) return changeAt(spec.path, number);
      // Durations go to the file as h/m/s strings; a negative one is no duration at all.
      if (number < 0) return null;
      return changeAt(spec.path, formatDuration(number * spec.unitMs));
    };
    const check = async (): Promise<Record<string, unknown> | null> => {
      const ticket = ++checked;
      const change = candidate();
      if (!change) {
        showError(rangeText(spec, 'rangeError'));
        return null;
      }
      const result = await api.call('validateSettings', change);
      if (ticket !== checked) return null;
      const issue = result.issues.find(
        (i) => i.path === spec.path || i.path.startsWith(`${spec.path}.`),
      );
      if (issue) {
        showError(issue.code === 'locked' ? ts('managed') : rangeText(spec, 'rangeError'));
        return null;
      }
      showError(result.ok ? null : (result.issues[0]?.message ?? null));
      return result.ok ? change : null;
    };
    input.addEventListener('input', () => {
      void check();
    });
    input.addEventListener('change', async () => {
      const change = await check();
      if (change) await save(change, (reason) => showError(reason));
    });
    const row = el(
      'div',
      { class: 'field field-number' },
      el('label', { for: id }, ts(`fields.${spec.path}`)),
      el(
        'div',
        { class: 'field-input' },
        input,
        el('span', { class: 'unit' }, ts(`units.${spec.unit}`)),
      ),
      hint,
      error,
      managed,
    );
    return [
      row,
      {
        spec,
        show(current, force) {
          if (!force && document.activeElement === input) return;
          const value = valueAt(current.effective, spec.path);
          if (value === null || value === undefined) input.value = '';
          else if (spec.unitMs && typeof value === 'string') {
            const parsed = parseDuration(value);
            input.value = parsed.ok
              ? String(Math.round((parsed.ms / spec.unitMs) * 100) / 100)
              : '';
          } else input.value = String(value);
          if (force) showError(null);
        },
        setLocked(locked) {
          input.disabled = locked;
          managed.hidden = !locked;
        },
      },
    ];
  };

  const toggleField = (
    path: string,
    label: string,
    onChange: (checked: boolean) => Record<string, unknown>,
    read: (v: SettingsView) => boolean,
  ): [HTMLElement, MountedField] => {
    const id = idOf(path);
    const input = el('input', {
      id,
      type: 'checkbox',
      'data-testid': id,
      'aria-describedby': `${id}-managed ${id}-error`,
    });
    const error = el('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    const managed = lockedNote(path);
    input.addEventListener('change', () => {
      error.textContent = '';
      void save(onChange(input.checked), (reason) => {
        error.textContent = reason;
      });
    });
    const row = el(
      'div',
      { class: 'field field-toggle' },
      input,
      el('label', { for: id }, label),
      error,
      managed,
    );
    return [
      row,
      {
        spec: { kind: 'toggle', path },
        show(current) {
          input.checked = read(current);
        },
        setLocked(locked) {
          input.disabled = locked;
          managed.hidden = !locked;
        },
      },
    ];
  };

  const daysField = (): [HTMLElement, MountedField] => {
    const id = idOf('workHours.days');
    const boxes = WEEKDAYS.map((day) =>
      el('input', {
        type: 'checkbox',
        id: `${id}-${day}`,
        value: day,
        'data-testid': `${id}-${day}`,
      }),
    );
    const error = el('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    const managed = lockedNote('workHours.days');
    for (const box of boxes) {
      box.addEventListener('change', () => {
        error.textContent = '';
        const days = boxes.filter((b) => b.checked).map((b) => b.value);
        void save({ workHours: { days } }, (reason) => {
          error.textContent = reason;
        });
      });
    }
    const fieldset = el(
      'fieldset',
      { class: 'field field-days', 'aria-describedby': `${id}-managed ${id}-error` },
      el('legend', {}, ts('fields.workHours.days')),
      el(
        'div',
        { class: 'days' },
        ...boxes.map((box) => el('label', { class: 'day' }, box, ts(`days.${box.value}`))),
      ),
      error,
      managed,
    );
    return [
      fieldset,
      {
        spec: { kind: 'days', path: 'workHours.days' },
        show(current) {
          const days = valueAt(current.effective, 'workHours.days');
          const on = Array.isArray(days) ? days : [];
          for (const box of boxes) box.checked = on.includes(box.value);
          fieldset.toggleAttribute('hidden', current.effective.workHours === null);
        },
        setLocked(locked) {
          for (const box of boxes) box.disabled = locked;
          managed.hidden = !locked;
        },
      },
    ];
  };

  const timeField = (path: 'workHours.from' | 'workHours.to'): [HTMLElement, MountedField] => {
    const id = idOf(path);
    const input = el('input', {
      id,
      type: 'time',
      'data-testid': id,
      'aria-describedby': `${id}-error ${id}-managed`,
    });
    const error = el('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    const managed = lockedNote(path);
    input.addEventListener('change', async () => {
      error.textContent = '';
      if (!/^\d{2}:\d{2}$/.test(input.value)) return;
      const change = changeAt(path, input.value);
      const result = await api.call('validateSettings', change);
      if (!result.ok) {
        error.textContent = result.issues.map((i) => i.message).join(' ');
        return;
      }
      await save(change, (reason) => {
        error.textContent = reason;
      });
    });
    const row = el(
      'div',
      { class: 'field field-time' },
      el('label', { for: id }, ts(`fields.${path}`)),
      el('div', { class: 'field-input' }, input),
      error,
      managed,
    );
    return [
      row,
      {
        spec: { kind: 'time', path },
        show(current, force) {
          if (!force && document.activeElement === input) return;
          const value = valueAt(current.effective, path);
          input.value = typeof value === 'string' && value !== '24:00' ? value : '';
          row.toggleAttribute('hidden', current.effective.workHours === null);
        },
        setLocked(locked) {
          input.disabled = locked;
          managed.hidden = !locked;
        },
      },
    ];
  };

  const choiceField = (
    spec: Extract<FieldSpec, { kind: 'choice' }>,
  ): [HTMLElement, MountedField] => {
    const id = idOf(spec.path);
    const select = el('select', {
      id,
      'data-testid': id,
      'aria-describedby': `${id}-error ${id}-managed`,
    });
    for (const value of spec.options) {
      select.append(el('option', { value }, ts(`options.${spec.path}.${value}`)));
    }
    const error = el('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    const managed = lockedNote(spec.path);
    select.addEventListener('change', () => {
      error.textContent = '';
      void save(changeAt(spec.path, select.value), (reason) => {
        error.textContent = reason;
      });
    });
    const row = el(
      'div',
      { class: 'field field-choice' },
      el('label', { for: id }, ts(`fields.${spec.path}`)),
      el('div', { class: 'field-input' }, select),
      error,
      managed,
    );
    return [
      row,
      {
        spec,
        show(current) {
          const value = valueAt(current.effective, spec.path);
          if (typeof value === 'string') select.value = value;
        },
        setLocked(locked) {
          select.disabled = locked;
          managed.hidden = !locked;
        },
      },
    ];
  };

  const fields: MountedField[] = [];
  const fieldFor = (spec: FieldSpec): [HTMLElement, MountedField] => {
    switch (spec.kind) {
      case 'number':
        return numberField(spec);
      case 'toggle':
        return toggleField(
          spec.path,
          ts(`fields.${spec.path}`),
          (checked) => changeAt(spec.path, checked),
          (current) => valueAt(current.effective, spec.path) === true,
        );
      case 'work-hours':
        // Back on, the work hours start from the defaults (or the organisation's).
        return toggleField(
          'workHours',
          ts('fields.workHours.enabled'),
          (checked) => ({ workHours: checked ? {} : null }),
          (current) => current.effective.workHours !== null,
        );
      case 'days':
        return daysField();
      case 'time':
        return timeField(spec.path);
      case 'choice':
        return choiceField(spec);
      case 'subheading':
        return [
          el('h3', { class: 'settings-subheading' }, ts(`subheadings.${spec.path}`)),
          { spec, show() {}, setLocked() {} },
        ];
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
      const [element, field] = fieldFor(spec);
      section.append(element);
      fields.push(field);
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
      say(
        result.ok
          ? ts('privacy.cleared')
          : ts('privacy.clearFailed', { reason: refusalText(t, result) }),
      );
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
      if (!result.ok) return say(ts('saveFailed', { reason: refusalText(t, result) }));
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
    fileSection,
    el('div', { class: 'settings-live' }, status),
  );

  const isLocked = (path: string, locked: readonly string[]) =>
    isPathLocked(path, locked, { orInside: true });

  const render = (current: SettingsView, force: boolean) => {
    for (const field of fields) {
      field.show(current, force);
      field.setLocked(isLocked(field.spec.path, current.locked));
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
      if (dialog.open) dialog.close();
    },
  };
}
