import { html, nothing } from 'lit-html';
import { createRef, ref } from 'lit-html/directives/ref.js';
import type { Notice, SettingsIssue, SettingsView } from '../../../src/contract/contract';
import { refusalText } from '../../../src/contract/i18n';
import { isPathLocked } from '../../../src/contract/locks';
import {
  LANGUAGE_SETTINGS,
  type LimitedSetting,
  MAX_SETTINGS_IMPORT_CHARS,
  SETTING_LIMITS,
  THEME_SETTINGS,
  THERAPY_MAX_MINUTES,
  THERAPY_MIN_MINUTES,
} from '../../../src/contract/settings-limits';
import { downloadText } from '../download';
import { litRoot } from '../lit-root';
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

const duration = (path: LimitedSetting, unit: 'minutes' | 'seconds', note?: string): FieldSpec => {
  const unitMs = unit === 'minutes' ? MINUTE_MS : SECOND_MS;
  const { min, max } = SETTING_LIMITS[path];
  return {
    kind: 'duration',
    path,
    unit,
    min: min / unitMs,
    max: max / unitMs,
    ...(note ? { note, noteValues: { max: THERAPY_MAX_MINUTES, min: min / unitMs } } : {}),
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

export function mount(root: HTMLElement, { api, t, navigate }: PageContext): MountedPage {
  const out = litRoot(root);
  const ts = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'settings', ...values });

  let status = '';
  let storageFailure: string | null = null;
  let managed = false;
  let importIssues: SettingsIssue[] = [];
  const dialog = createRef<HTMLDialogElement>();
  const clearButton = createRef<HTMLButtonElement>();

  const say = (text: string) => {
    status = text;
    draw();
  };

  // --- where the app's refusals and the organisation's locks come in -----------------
  /** Saves a change; the app's reason when it refused, or null. */
  const save = async (change: Record<string, unknown>): Promise<string | null> => {
    try {
      const result = await api.call('updateSettings', change);
      if (result.ok) say(ts('saved'));
      return result.ok ? null : refusalText(t, result);
    } catch (error) {
      return (error as Error).message;
    }
  };
  const issueText: FieldContext['issueText'] = (issue, fallback) =>
    issue.code === 'setting-locked' ? ts('managed') : (fallback ?? refusalText(t, issue));
  const isLocked = (path: string, locked: readonly string[]) =>
    isPathLocked(path, locked, { orInside: true });
  // ----------------------------------------------------------------------------------

  const context: FieldContext = {
    t: ts,
    validate: (change) => api.call('validateSettings', change),
    save,
    issueText,
  };
  const workHoursOn = (view: SettingsView) => view.effective.workHours !== null;

  const fields: Field[] = [];
  const fieldFor = (spec: FieldSpec): Field | null => {
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
        return null;
    }
  };
  // The field components are made once and keep their own state; the page places them.
  const groups = GROUPS.map(({ id, fields: specs }) => ({
    id,
    parts: specs.map((spec) => {
      const field = fieldFor(spec);
      if (!field)
        return html`<h3 class="settings-subheading">${ts(`subheadings.${spec.path}`)}</h3>`;
      fields.push(field);
      return field.element;
    }),
  }));

  // Privacy: clearing the history, behind a confirmation.
  const clearHistory = async () => {
    dialog.value?.close();
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
    clearButton.value?.focus();
  };
  const privacyActions = () => html`
    <div class="settings-actions">
      <button type="button" class="secondary" data-testid="clear-history" ${ref(clearButton)}
        @click=${() => dialog.value?.showModal()}>${ts('privacy.clear')}</button>
    </div>
    <dialog aria-labelledby="clear-history-title" aria-describedby="clear-history-body"
      data-testid="clear-history-dialog" ${ref(dialog)}>
      <h2 id="clear-history-title">${ts('privacy.confirmTitle')}</h2>
      <p id="clear-history-body">${ts('privacy.confirmBody')}</p>
      <div class="dialog-actions">
        <button type="button" class="secondary" autofocus data-testid="clear-history-cancel"
          @click=${() => dialog.value?.close()}>${ts('privacy.cancel')}</button>
        <button type="button" class="danger" data-testid="clear-history-confirm"
          @click=${clearHistory}>${ts('privacy.confirm')}</button>
      </div>
    </dialog>`;

  // The settings file: restore defaults, export, import.
  const restore = async () => {
    try {
      const result = await api.call('restoreDefaults');
      if (!result.ok) return say(ts('saveFailed', { reason: refusalText(t, result) }));
      await refresh(true);
      say(ts('file.restored'));
    } catch (error) {
      say(ts('saveFailed', { reason: (error as Error).message }));
    }
  };
  const exportFile = async () => {
    const file = await api.call('exportSettings');
    downloadText(file.fileName, file.text, 'application/json');
    say(ts('file.exported', { fileName: file.fileName }));
  };
  const importFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    importIssues = [];
    draw();
    if (!file) return;
    input.value = '';
    if (file.size > MAX_SETTINGS_IMPORT_CHARS) return say(ts('file.tooBig'));
    try {
      const result = await api.call('importSettings', { text: await file.text() });
      if (!result.ok) {
        importIssues = result.issues;
        return say(ts('file.importFailed'));
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
  };

  const draw = () =>
    out.draw(html`
      <section class="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">${ts('heading')}</h2>
        <p class="detail">${ts('intro')}</p>
        <p class="notice" data-testid="settings-managed" ?hidden=${!managed}>
          ${ts('managedIntro')}
        </p>
        <p class="notice" role="alert" data-testid="settings-storage"
          ?hidden=${storageFailure === null}>
          ${storageFailure === null ? nothing : ts('storageFailed', { detail: storageFailure })}
        </p>
      </section>
      ${groups.map(
        ({ id, parts }) => html`
          <section class="card settings-group" aria-labelledby="settings-group-${id}"
            data-testid="settings-group-${id}">
            <h2 id="settings-group-${id}">${ts(`groups.${id}`)}</h2>
            ${id === 'privacy' ? html`<p>${ts('privacy.local')}</p>` : nothing}
            ${parts}
            ${id === 'privacy' ? privacyActions() : nothing}
          </section>`,
      )}
      <!-- The weekly check-in: the person's own switch, out of reach of any policy. -->
      <div data-slot="settings-checkin"></div>
      <section class="card settings-group" aria-labelledby="settings-group-file">
        <h2 id="settings-group-file">${ts('groups.file')}</h2>
        <div class="settings-actions">
          <button type="button" class="secondary" data-testid="restore-defaults"
            @click=${restore}>${ts('file.restore')}</button>
          <button type="button" class="secondary" data-testid="export-settings"
            @click=${exportFile}>${ts('file.export')}</button>
        </div>
        <div class="field">
          <label for="settings-import">${ts('file.import')}</label>
          <input type="file" id="settings-import" accept=".json,application/json"
            data-testid="import-settings" @change=${importFile} />
        </div>
        <ul class="field-error" data-testid="import-issues">
          ${importIssues.map((issue) => html`<li>${issue.path}: ${refusalText(t, issue)}</li>`)}
        </ul>
        <!-- The first-run welcome, again (presets, work hours, where the tray icon is). -->
        <div class="settings-actions">
          <button type="button" class="secondary" data-testid="settings-welcome"
            @click=${() => navigate('welcome')}>${t('common:welcome.again')}</button>
        </div>
      </section>
      <div class="settings-live">
        <p class="settings-status" role="status" data-testid="settings-status">${status}</p>
      </div>
    `);

  const show = (current: SettingsView, force: boolean) => {
    for (const field of fields) {
      field.show(current, force);
      field.setLocked(isLocked(field.path, current.locked));
    }
    managed = current.locked.length > 0;
    draw();
    root.setAttribute('aria-busy', 'false');
  };
  const refresh = async (force: boolean) => show(await api.call('getSettings'), force);

  const showNotices = (notices: Notice[]) => {
    storageFailure = notices.find((notice) => notice.id === 'storage-failed')?.detail ?? null;
    draw();
  };

  draw();
  // The slot has no bindings inside, so lit-html leaves the check-in switch alone.
  const checkin = mountCheckinSetting(
    root.querySelector<HTMLElement>('[data-slot="settings-checkin"]')!,
    { api, t },
  );
  const unsubscribe = [
    api.on('settings', (current) => show(current, false)),
    api.on('notices', showNotices),
  ];
  void refresh(true);
  void api.call('getNotices').then(showNotices);

  return {
    unmount() {
      for (const off of unsubscribe) off();
      checkin.unmount();
      if (dialog.value?.open) dialog.value.close();
      out.clear();
    },
  };
}
