import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { SettingsIssue, SettingsView } from '../../../src/contract/contract';
import { formatDuration, parseDuration } from '../../../src/contract/settings-limits';

/**
 * The settings page's fields, one small component per kind: a duration (minutes or
 * seconds in the field, an "h/m/s" string in the file), a number (with an optional
 * "no limit"), a choice among a few words, a list of checkboxes (the work days), a
 * switch and a time of day. Each draws itself with lit-html into an element of its
 * own, checks a change with the app as it is typed, saves it when the field is left,
 * and shows a problem beside itself. The page places them and tells them what is in
 * force and what the organisation locks.
 */

/** What a field needs from the page. */
export interface FieldContext {
  /** Words in the settings namespace. */
  t(key: string, values?: Record<string, unknown>): string;
  /** Would this change be accepted (`validateSettings`)? */
  validate(change: Record<string, unknown>): Promise<{ ok: boolean; issues: SettingsIssue[] }>;
  /** Save the change; the reason when the app refused it, or null. */
  save(change: Record<string, unknown>): Promise<string | null>;
  /** The words for a problem the app found (the page decides; `fallback` for this field's range). */
  issueText(issue: SettingsIssue, fallback?: string): string;
}

export interface Field {
  path: string;
  element: HTMLElement;
  /** Show the value in force; `force` also overwrites a field being edited. */
  show(view: SettingsView, force: boolean): void;
  setLocked(locked: boolean): void;
}

export function valueAt(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** `{ a: { b: value } }` from "a.b". */
export function changeAt(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}

export const idOf = (path: string) => `setting-${path.replace(/\./g, '-')}`;

/**
 * What every field shares: its own element drawn again from its state, the problem
 * shown beside it, whether the organisation locks it, and saving a change with the
 * app's refusal shown in place.
 */
function fieldBase(
  ctx: FieldContext,
  path: string,
  className: string,
  tag: 'div' | 'fieldset' = 'div',
) {
  const element = document.createElement(tag);
  element.className = `field ${className}`;
  const state = { error: '', locked: false };
  let template: () => TemplateResult = () => html``;
  const redraw = () => render(template(), element);
  return {
    element,
    state,
    redraw,
    /** The field's template, drawn now and after every change of state. */
    drawWith(next: () => TemplateResult) {
      template = next;
      redraw();
    },
    async save(change: Record<string, unknown>) {
      state.error = '';
      redraw();
      state.error = (await ctx.save(change)) ?? '';
      redraw();
    },
    field(show: Field['show']): Field {
      return {
        path,
        element,
        show,
        setLocked(locked) {
          state.locked = locked;
          redraw();
        },
      };
    },
  };
}

const managedNote = (ctx: FieldContext, id: string, path: string, locked: boolean) =>
  html`<p class="managed" id=${`${id}-managed`} data-testid=${`managed-${path}`} ?hidden=${!locked}>
    ${ctx.t('managed')}
  </p>`;

const errorLine = (id: string, error: string) =>
  html`<p class="field-error" id=${`${id}-error`} aria-live="polite" data-testid=${`${id}-error`}>${error}</p>`;

export type Unit = 'minutes' | 'seconds' | 'days' | 'percent' | 'times';

export interface NumberSpec {
  path: string;
  unit: Unit;
  min: number;
  max: number;
  /** Empty means null ("no limit"). */
  nullable?: boolean;
  /** A further line under the range, a key in the settings namespace. */
  note?: string;
  noteValues?: Record<string, unknown>;
}

/** How a field's whole number is kept in the file. */
interface Codec {
  /** The file's value for this number, or null when the number cannot be one. */
  toFile(value: number): unknown;
  /** The number to show for the file's value ('' for none). */
  fromFile(value: unknown): string;
}

const plainNumbers: Codec = {
  toFile: (value) => value,
  fromFile: (value) => (typeof value === 'number' ? String(value) : ''),
};

function numericField(spec: NumberSpec, codec: Codec, ctx: FieldContext): Field {
  const id = idOf(spec.path);
  const base = fieldBase(ctx, spec.path, 'field-number');
  const { state } = base;
  const range = (key: 'range' | 'rangeError') =>
    ctx.t(key, { min: spec.min, max: spec.max, unit: ctx.t(`units.${spec.unit}`) });
  let value = '';
  let checked = 0;

  /** The change this text makes, or null when it is not a whole number at all. */
  const candidate = (): Record<string, unknown> | null => {
    const text = value.trim();
    if (text === '' && spec.nullable) return changeAt(spec.path, null);
    const number = Number(text);
    if (text === '' || !Number.isInteger(number)) return null;
    const inFile = codec.toFile(number);
    return inFile === null ? null : changeAt(spec.path, inFile);
  };
  const check = async (): Promise<Record<string, unknown> | null> => {
    const ticket = ++checked;
    const change = candidate();
    if (!change) {
      state.error = range('rangeError');
      base.redraw();
      return null;
    }
    const result = await ctx.validate(change);
    if (ticket !== checked) return null;
    const issue = result.issues.find(
      (i) => i.path === spec.path || i.path.startsWith(`${spec.path}.`),
    );
    if (issue) state.error = ctx.issueText(issue, range('rangeError'));
    else state.error = result.ok || !result.issues[0] ? '' : ctx.issueText(result.issues[0]);
    base.redraw();
    return result.ok && !issue ? change : null;
  };
  const onInput = (event: Event) => {
    value = (event.target as HTMLInputElement).value;
    void check();
  };
  const onChange = async (event: Event) => {
    value = (event.target as HTMLInputElement).value;
    const change = await check();
    if (!change) return;
    const refused = await ctx.save(change);
    if (refused) {
      state.error = refused;
      base.redraw();
    }
  };
  base.drawWith(
    () => html`
      <label for=${id}>${ctx.t(`fields.${spec.path}`)}</label>
      <div class="field-input">
        <input id=${id} type="number" inputmode="numeric" min=${spec.min} max=${spec.max} step="1"
          data-testid=${id} aria-describedby=${`${id}-hint ${id}-error ${id}-managed`}
          aria-invalid=${state.error ? 'true' : nothing} .value=${value} ?disabled=${state.locked}
          @input=${onInput} @change=${onChange} />
        <span class="unit">${ctx.t(`units.${spec.unit}`)}</span>
      </div>
      <p class="hint" id=${`${id}-hint`}>
        ${[range('range'), spec.note ? ctx.t(spec.note, spec.noteValues) : ''].filter(Boolean).join(' ')}
      </p>
      ${errorLine(id, state.error)} ${managedNote(ctx, id, spec.path, state.locked)}`,
  );
  return base.field((view, force) => {
    const input = base.element.querySelector('input');
    if (!force && input && document.activeElement === input) return;
    const inFile = valueAt(view.effective, spec.path);
    value = inFile === null || inFile === undefined ? '' : codec.fromFile(inFile);
    if (force) state.error = '';
    base.redraw();
  });
}

/** A whole number: counts, percentages, minutes kept as numbers. */
export function numberField(spec: NumberSpec, ctx: FieldContext): Field {
  return numericField(spec, plainNumbers, ctx);
}

export interface DurationSpec extends NumberSpec {
  unit: 'minutes' | 'seconds';
}

/** A duration typed in whole minutes or seconds and kept in the file as "1h30m", "45s". */
export function durationField(spec: DurationSpec, ctx: FieldContext): Field {
  const unitMs = spec.unit === 'minutes' ? 60_000 : 1000;
  return numericField(
    spec,
    {
      // A negative duration is no duration at all.
      toFile: (value) => (value < 0 ? null : formatDuration(value * unitMs)),
      fromFile: (value) => {
        const parsed = typeof value === 'string' ? parseDuration(value) : null;
        return parsed?.ok ? String(Math.round((parsed.ms / unitMs) * 100) / 100) : '';
      },
    },
    ctx,
  );
}

export interface ChoiceSpec {
  path: string;
  /** The words of each option are `options.<path>.<value>`. */
  options: readonly string[];
}

/** One of a few words (the language, the theme). */
export function choiceField(spec: ChoiceSpec, ctx: FieldContext): Field {
  const id = idOf(spec.path);
  const base = fieldBase(ctx, spec.path, 'field-choice');
  const { state } = base;
  let value = '';
  const onChange = (event: Event) => {
    value = (event.target as HTMLSelectElement).value;
    void base.save(changeAt(spec.path, value));
  };
  base.drawWith(
    () => html`
      <label for=${id}>${ctx.t(`fields.${spec.path}`)}</label>
      <div class="field-input">
        <select id=${id} data-testid=${id} aria-describedby=${`${id}-error ${id}-managed`}
          ?disabled=${state.locked} @change=${onChange}>
          ${spec.options.map(
            (option) =>
              html`<option value=${option} ?selected=${option === value}>${ctx.t(`options.${spec.path}.${option}`)}</option>`,
          )}
        </select>
      </div>
      ${errorLine(id, state.error)} ${managedNote(ctx, id, spec.path, state.locked)}`,
  );
  return base.field((view) => {
    const inFile = valueAt(view.effective, spec.path);
    if (typeof inFile === 'string') value = inFile;
    base.redraw();
    const select = base.element.querySelector('select');
    if (select) select.value = value;
  });
}

export interface ListSpec {
  path: string;
  /** The items, each a checkbox labelled `<itemKey>.<item>`. */
  items: readonly string[];
  itemKey: string;
  /** Shown only while this is true of the settings in force (work days: while work hours are on). */
  shownWhen?(view: SettingsView): boolean;
}

/** Several of a fixed set, as checkboxes in a fieldset (the work days). */
export function listField(spec: ListSpec, ctx: FieldContext): Field {
  const id = idOf(spec.path);
  const base = fieldBase(ctx, spec.path, 'field-days', 'fieldset');
  const { state } = base;
  base.element.setAttribute('aria-describedby', `${id}-managed ${id}-error`);
  let chosen = new Set<string>();
  const toggle = (item: string, on: boolean) => {
    if (on) chosen.add(item);
    else chosen.delete(item);
    void base.save(
      changeAt(
        spec.path,
        spec.items.filter((i) => chosen.has(i)),
      ),
    );
  };
  base.drawWith(
    () => html`
      <legend>${ctx.t(`fields.${spec.path}`)}</legend>
      <div class="days">
        ${spec.items.map(
          (item) => html`<label class="day">
            <input type="checkbox" id=${`${id}-${item}`} value=${item} data-testid=${`${id}-${item}`}
              .checked=${chosen.has(item)} ?disabled=${state.locked}
              @change=${(e: Event) => toggle(item, (e.target as HTMLInputElement).checked)} />
            ${ctx.t(`${spec.itemKey}.${item}`)}
          </label>`,
        )}
      </div>
      ${errorLine(id, state.error)} ${managedNote(ctx, id, spec.path, state.locked)}`,
  );
  return base.field((view) => {
    const inFile = valueAt(view.effective, spec.path);
    chosen = new Set(Array.isArray(inFile) ? inFile.map(String) : []);
    base.element.hidden = spec.shownWhen ? !spec.shownWhen(view) : false;
    base.redraw();
  });
}

export interface ToggleSpec {
  path: string;
  label: string;
  /** The change switching it makes (a toggle of `path` unless said otherwise). */
  change?(on: boolean): Record<string, unknown>;
  read?(view: SettingsView): boolean;
}

/** On or off. */
export function toggleField(spec: ToggleSpec, ctx: FieldContext): Field {
  const id = idOf(spec.path);
  const base = fieldBase(ctx, spec.path, 'field-toggle');
  const { state } = base;
  const change = spec.change ?? ((on: boolean) => changeAt(spec.path, on));
  const read = spec.read ?? ((view: SettingsView) => valueAt(view.effective, spec.path) === true);
  let on = false;
  const onChange = (event: Event) => {
    on = (event.target as HTMLInputElement).checked;
    void base.save(change(on));
  };
  base.drawWith(
    () => html`
      <input id=${id} type="checkbox" data-testid=${id} aria-describedby=${`${id}-managed ${id}-error`}
        .checked=${on} ?disabled=${state.locked} @change=${onChange} />
      <label for=${id}>${spec.label}</label>
      ${errorLine(id, state.error)} ${managedNote(ctx, id, spec.path, state.locked)}`,
  );
  return base.field((view) => {
    on = read(view);
    base.redraw();
  });
}

/** A time of day, "HH:MM" (work hours). */
export function timeField(
  spec: { path: string; shownWhen?(view: SettingsView): boolean },
  ctx: FieldContext,
): Field {
  const id = idOf(spec.path);
  const base = fieldBase(ctx, spec.path, 'field-time');
  const { state } = base;
  let value = '';
  const onChange = async (event: Event) => {
    value = (event.target as HTMLInputElement).value;
    state.error = '';
    base.redraw();
    if (!/^\d{2}:\d{2}$/.test(value)) return;
    const change = changeAt(spec.path, value);
    const result = await ctx.validate(change);
    if (result.ok) await base.save(change);
    else {
      state.error = result.issues.map((i) => ctx.issueText(i)).join(' ');
      base.redraw();
    }
  };
  base.drawWith(
    () => html`
      <label for=${id}>${ctx.t(`fields.${spec.path}`)}</label>
      <div class="field-input">
        <input id=${id} type="time" data-testid=${id} aria-describedby=${`${id}-error ${id}-managed`}
          .value=${value} ?disabled=${state.locked} @change=${onChange} />
      </div>
      ${errorLine(id, state.error)} ${managedNote(ctx, id, spec.path, state.locked)}`,
  );
  return base.field((view, force) => {
    const input = base.element.querySelector('input');
    if (!force && input && document.activeElement === input) return;
    const inFile = valueAt(view.effective, spec.path);
    value = typeof inFile === 'string' && inFile !== '24:00' ? inFile : '';
    base.element.hidden = spec.shownWhen ? !spec.shownWhen(view) : false;
    base.redraw();
  });
}
