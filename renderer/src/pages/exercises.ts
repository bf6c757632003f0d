import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { createRef, type Ref, ref } from 'lit-html/directives/ref.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type {
  Catalogue,
  CatalogueEntry,
  FieldError,
  SaveExerciseInput,
} from '../../../src/contract/contract';
import { refusalText } from '../../../src/contract/i18n';

import { isPictureType, MAX_PICTURE_BYTES } from '../../../src/contract/pictures';
import { exerciseFigure, exerciseWords, loadEveryDrawing } from '../exercise-view';
import { litRoot } from '../lit-root';
import type { MountedPage, PageContext } from './index';

/**
 * The Exercises page (#exercises): every exercise a break may show, with Favourite
 * and Hide (kept in settings by the app), and the person's own exercises: add, edit,
 * remove, with an optional picture. The app validates and stores; errors come back
 * by field and are shown beside the field they are about.
 */

type DoseKind = 'hold' | 'reps' | 'timed';

/** The form as the person has filled it in, as text the way the controls hold it. */
interface Draft {
  title: string;
  steps: string;
  doseKind: DoseKind;
  seconds: string;
  reps: string;
  perSide: boolean;
  target: string;
  micro: boolean;
  long: boolean;
  safety: string;
  removePicture: boolean;
}

/** The fields an error can be about, each with its control. */
type FieldKey =
  | 'title'
  | 'steps'
  | 'doseKind'
  | 'seconds'
  | 'reps'
  | 'target'
  | 'breakKinds'
  | 'safety'
  | 'picture';

/** Which of our fields an error's path (`steps[1]`, `dose.seconds`) is about. */
const FIELD_OF_PATH: Record<string, FieldKey> = {
  title: 'title',
  steps: 'steps',
  'dose.seconds': 'seconds',
  'dose.reps': 'reps',
  dose: 'doseKind',
  target: 'target',
  breakKinds: 'breakKinds',
  safety: 'safety',
  picture: 'picture',
};

function fieldOfPath(path: string): FieldKey | null {
  const root = path.replace(/\[\d+\].*$/, '');
  return (
    FIELD_OF_PATH[path] ?? FIELD_OF_PATH[root] ?? FIELD_OF_PATH[root.split('.')[0] ?? ''] ?? null
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('unreadable')));
    reader.readAsDataURL(file);
  });
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The custom-exercise fields the app validates, from what the form holds. */
function exerciseOf(draft: Draft): Record<string, unknown> {
  const dose: Record<string, unknown> = { kind: draft.doseKind };
  if (draft.doseKind !== 'reps') dose.seconds = number(draft.seconds);
  if (draft.doseKind !== 'timed') {
    dose.reps = number(draft.reps);
    if (draft.perSide) dose.perSide = true;
  }
  const safety = draft.safety.trim();
  return {
    title: draft.title,
    steps: draft.steps
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    dose,
    target: draft.target,
    breakKinds: [...(draft.micro ? ['micro'] : []), ...(draft.long ? ['long'] : [])],
    ...(safety ? { safety } : {}),
  };
}

export function mount(root: HTMLElement, { api, t }: PageContext): MountedPage {
  // Every card shows its drawing: one request for all of them.
  void loadEveryDrawing();
  const out = litRoot(root);
  // Loading until the catalogue is here.
  root.setAttribute('aria-busy', 'true');
  const targets = Object.keys(
    t('target', { ns: 'exercises', returnObjects: true }) as Record<string, string>,
  );
  const emptyDraft = (): Draft => ({
    title: '',
    steps: '',
    doseKind: 'hold',
    seconds: '15',
    reps: '1',
    perSide: false,
    target: targets[0] ?? '',
    micro: true,
    long: true,
    safety: '',
    removePicture: false,
  });

  let catalogue: Catalogue | null = null;
  let editing: CatalogueEntry | null = null;
  let draft = emptyDraft();
  let status = '';
  let failure = '';
  /** The error summary's lines, or null when the form has none to show. */
  let summary: string[] | null = null;
  let fieldErrors = new Map<FieldKey, string>();
  /** Pictures of a person's own exercises, by id, once the app sent them. */
  const pictures = new Map<string, string>();
  /** Each built-in drawing's figure, made once so its drawing loads once. */
  const figures = new Map<string, HTMLElement>();

  const doseOptions: [DoseKind, string][] = [
    ['hold', t('breaks:form.doseHold')],
    ['reps', t('breaks:form.doseReps')],
    ['timed', t('breaks:form.doseTimed')],
  ];

  const controls = new Map<FieldKey, Ref<HTMLElement>>(
    (Object.values(FIELD_OF_PATH) as FieldKey[]).map((key) => [key, createRef<HTMLElement>()]),
  );
  const control = (key: FieldKey) => controls.get(key)!;
  const formHeading = createRef<HTMLElement>();
  const errorSummary = createRef<HTMLElement>();
  const pictureInput = () => control('picture').value as HTMLInputElement | undefined;

  const label: Record<FieldKey, string> = {
    title: t('breaks:form.title'),
    steps: t('breaks:form.steps'),
    doseKind: t('breaks:form.doseKind'),
    seconds: t('breaks:form.seconds'),
    reps: t('breaks:form.reps'),
    target: t('breaks:form.target'),
    breakKinds: t('breaks:form.breakKinds'),
    safety: t('breaks:form.field.safety'),
    picture: t('breaks:form.field.picture'),
  };

  /** Beside the field; the error summary names some fields in fewer words (`label`). */
  const shownLabel: Record<FieldKey, string> = {
    ...label,
    safety: t('breaks:form.safety'),
    picture: t('breaks:form.picture'),
  };

  const set = (change: Partial<Draft>) => {
    draft = { ...draft, ...change };
    draw();
  };
  const text = (key: keyof Draft) => (event: Event) =>
    set({ [key]: (event.target as HTMLInputElement).value });
  const check = (key: keyof Draft) => (event: Event) =>
    set({ [key]: (event.target as HTMLInputElement).checked });

  const showErrors = (errors: readonly (FieldError | { field: string; message: string })[]) => {
    summary = [];
    fieldErrors = new Map();
    for (const error of errors) {
      const path = error.field;
      const message = 'code' in error ? refusalText(t, error) : error.message;
      const key = fieldOfPath(path);
      const line = t('breaks:form.fieldError', {
        field: key ? label[key] : t('breaks:form.field.(root)'),
        message,
      });
      summary.push(line);
      if (key)
        fieldErrors.set(key, fieldErrors.has(key) ? `${fieldErrors.get(key)} ${line}` : line);
    }
    draw();
    const first = errors.map((error) => fieldOfPath(error.field)).find(Boolean);
    (first ? control(first).value : errorSummary.value)?.focus();
  };

  const resetForm = () => {
    editing = null;
    draft = emptyDraft();
    summary = null;
    fieldErrors = new Map();
    const input = pictureInput();
    if (input) input.value = '';
    draw();
  };

  const focusTitle = () => control('title').value?.focus();

  const edit = (entry: CatalogueEntry) => {
    const own = entry.own;
    if (!own) return;
    resetForm();
    editing = entry;
    draft = {
      ...draft,
      title: own.title,
      steps: own.steps.join('\n'),
      doseKind: own.dose.kind,
      target: own.target,
      micro: own.breakKinds.includes('micro'),
      long: own.breakKinds.includes('long'),
      safety: own.safety ?? '',
    };
    if (own.dose.kind !== 'reps') draft.seconds = String(own.dose.seconds);
    if (own.dose.kind !== 'timed') {
      draft.reps = String(own.dose.reps);
      draft.perSide = Boolean(own.dose.perSide);
    }
    draw();
    focusTitle();
  };

  /** The chosen picture as the app wants it, or the error to show under the field. */
  const pictureChoice = async (): Promise<SaveExerciseInput['picture'] | { error: string }> => {
    const file = pictureInput()?.files?.[0];
    if (file) {
      if (!isPictureType(file.type)) return { error: t('breaks:form.pictureType') };
      if (file.size > MAX_PICTURE_BYTES) return { error: t('breaks:form.pictureSize') };
      return { dataUrl: await readAsDataUrl(file) };
    }
    return editing && draft.removePicture ? 'remove' : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    status = '';
    failure = '';
    draw();
    const chosen = await pictureChoice();
    if (chosen && typeof chosen === 'object' && 'error' in chosen) {
      showErrors([{ field: 'picture', message: chosen.error }]);
      return;
    }
    const input: SaveExerciseInput = {
      exercise: exerciseOf(draft),
      ...(editing ? { id: editing.id } : {}),
      ...(chosen ? { picture: chosen } : {}),
    };
    try {
      const result = await api.call('saveCustomExercise', input);
      if (!result.ok) {
        showErrors(result.errors);
        return;
      }
      const saved = draft.title.trim();
      resetForm();
      status = t('breaks:exercises.saved', { title: saved });
      await refresh();
    } catch (error) {
      failure = t('breaks:exercises.failed', { reason: (error as Error).message });
      draw();
    }
  };

  const setPreference = async (entry: CatalogueEntry, which: 'favourite' | 'hidden') => {
    failure = '';
    try {
      const result = await api.call('setExercisePreference', {
        id: entry.id,
        [which]: !entry[which],
      });
      if (!result.ok) failure = t('breaks:exercises.failed', { reason: refusalText(t, result) });
      await refresh();
    } catch (error) {
      failure = t('breaks:exercises.failed', { reason: (error as Error).message });
      draw();
    }
  };

  const remove = async (entry: CatalogueEntry) => {
    const result = await api.call('removeCustomExercise', { id: entry.id });
    if (!result.ok) failure = t('breaks:exercises.failed', { reason: refusalText(t, result) });
    else status = t('breaks:exercises.removed', { title: entry.title });
    if (editing?.id === entry.id) resetForm();
    await refresh();
  };

  // --- The lists ---
  const figure = (entry: CatalogueEntry): HTMLElement | TemplateResult => {
    const picture = pictures.get(entry.id);
    if (picture) {
      return html`<figure class="ex-figure" data-testid="exercise-figure">
        <img src=${picture} alt=${t('breaks:picture', { title: entry.title })} />
      </figure>`;
    }
    const key = `${entry.id}|${entry.illustration ?? ''}`;
    let shown = figures.get(key);
    if (!shown) {
      shown = exerciseFigure(entry, t);
      figures.set(key, shown);
    }
    return shown;
  };

  const toggle = (entry: CatalogueEntry, which: 'favourite' | 'hidden', titleId: string) => html`
    <button type="button" class="secondary toggle" aria-pressed=${String(entry[which])}
      aria-describedby=${titleId}
      data-testid=${`${which === 'favourite' ? 'favourite' : 'hide'}-${entry.id}`}
      ?disabled=${catalogue?.preferencesLocked ?? false}
      @click=${() => setPreference(entry, which)}
      >${t(which === 'favourite' ? 'breaks:exercises.favourite' : 'breaks:exercises.hide')}</button>`;

  const card = (entry: CatalogueEntry) => {
    const testid = `exercise-${entry.id}`;
    const titleId = `${testid}-title`;
    const kinds = entry.breakKinds.map((kind) => t(`breaks:kind.${kind}`)).join(', ');
    return html`
      <article class=${`ex-card ex-compact${entry.hidden ? ' ex-hidden' : ''}`}
        data-exercise=${entry.id} data-testid=${testid}>
        ${figure(entry)}
        <div class="ex-text">
          ${exerciseWords(entry, t, { heading: 'h3', folded: true, titleId })}
          <p class="ex-meta">
            ${entry.place === 'floor' ? t('exercises:place.floorNote') : t('breaks:exercises.breakKinds', { kinds })}
          </p>
          ${entry.hidden ? html`<p class="ex-meta">${t('breaks:exercises.hiddenNote')}</p>` : nothing}
          <div class="ex-actions">
            ${
              // A floor exercise is in no break (it lives in the core routine): nothing to favour or hide.
              entry.place === 'floor'
                ? nothing
                : html`${toggle(entry, 'favourite', titleId)} ${toggle(entry, 'hidden', titleId)}`
            }
            ${
              entry.own
                ? html`
                  <button type="button" class="secondary" data-testid=${`edit-${entry.id}`}
                    aria-label=${`${t('breaks:exercises.edit')}: ${entry.title}`} aria-describedby=${titleId}
                    @click=${() => edit(entry)}>${t('breaks:exercises.edit')}</button>
                  <button type="button" class="secondary" data-testid=${`remove-${entry.id}`}
                    aria-label=${`${t('breaks:exercises.remove')}: ${entry.title}`} aria-describedby=${titleId}
                    @click=${() => remove(entry)}>${t('breaks:exercises.remove')}</button>`
                : nothing
            }
          </div>
        </div>
      </article>`;
  };

  /** Cards keep their elements across redraws, so the keyboard stays on its button. */
  const list = (entries: readonly CatalogueEntry[]) => repeat(entries, (entry) => entry.id, card);

  // --- The form for a person's own exercise ---
  const errorOf = (key: FieldKey) => fieldErrors.get(key);
  const invalid = (key: FieldKey) => (fieldErrors.has(key) ? 'true' : nothing);
  const errorLine = (id: string, key: FieldKey) =>
    html`<p class="own-error" id=${`${id}-error`} ?hidden=${!errorOf(key)}>${errorOf(key) ?? ''}</p>`;
  const field = (
    id: string,
    key: FieldKey,
    controlTemplate: TemplateResult,
    hint?: string,
    hidden = false,
  ) => html`
    <div class="own-field" ?hidden=${hidden}>
      <label for=${id}>${shownLabel[key]}</label>
      ${hint ? html`<p class="own-hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${controlTemplate}
      ${errorLine(id, key)}
    </div>`;
  const describedBy = (id: string, hint = false) =>
    hint ? `${id}-hint ${id}-error` : `${id}-error`;

  const form = () => {
    const kind = draft.doseKind;
    const formTitle = editing?.own
      ? t('breaks:form.editHeading', { title: editing.own.title })
      : t('breaks:form.addHeading');
    return html`
      <form class="own-form" novalidate aria-labelledby="own-form-heading" data-testid="own-form"
        @submit=${submit}>
        <h2 id="own-form-heading" ${ref(formHeading)}>${formTitle}</h2>
        <div class="own-errors" role="alert" tabindex="-1" ?hidden=${summary === null}
          data-testid="own-errors" ${ref(errorSummary)}>
          <p>${t('breaks:form.errorsHeading')}</p>
          <ul>${(summary ?? []).map((line) => html`<li>${line}</li>`)}</ul>
        </div>
        ${field(
          'own-title',
          'title',
          html`<input id="own-title" type="text" maxlength="80" autocomplete="off" data-testid="own-title"
            aria-describedby=${describedBy('own-title')} aria-invalid=${invalid('title')}
            .value=${live(draft.title)} @input=${text('title')} ${ref(control('title'))} />`,
        )}
        ${field(
          'own-steps',
          'steps',
          html`<textarea id="own-steps" rows="4" data-testid="own-steps"
            aria-describedby=${describedBy('own-steps', true)} aria-invalid=${invalid('steps')}
            .value=${live(draft.steps)} @input=${text('steps')} ${ref(control('steps'))}></textarea>`,
          t('breaks:form.stepsHint'),
        )}
        <div class="own-row">
          ${field(
            'own-dose-kind',
            'doseKind',
            html`<select id="own-dose-kind" data-testid="own-dose-kind"
              aria-describedby=${describedBy('own-dose-kind')} aria-invalid=${invalid('doseKind')}
              .value=${live(kind)} @change=${text('doseKind')} ${ref(control('doseKind'))}>
              ${doseOptions.map(
                ([option, words]) =>
                  html`<option value=${option} ?selected=${kind === option}>${words}</option>`,
              )}
            </select>`,
          )}
          ${field(
            'own-seconds',
            'seconds',
            html`<input id="own-seconds" type="number" min="1" max="600" data-testid="own-seconds"
              aria-describedby=${describedBy('own-seconds')} aria-invalid=${invalid('seconds')}
              .value=${live(draft.seconds)} @input=${text('seconds')} ${ref(control('seconds'))} />`,
            undefined,
            kind === 'reps',
          )}
          ${field(
            'own-reps',
            'reps',
            html`<input id="own-reps" type="number" min="1" max="50" data-testid="own-reps"
              aria-describedby=${describedBy('own-reps')} aria-invalid=${invalid('reps')}
              .value=${live(draft.reps)} @input=${text('reps')} ${ref(control('reps'))} />`,
            undefined,
            kind === 'timed',
          )}
        </div>
        <div class="own-field own-check" ?hidden=${kind === 'timed'}>
          <input type="checkbox" id="own-per-side" data-testid="own-per-side"
            .checked=${live(draft.perSide)} @change=${check('perSide')} />
          <label for="own-per-side">${t('breaks:form.perSide')}</label>
        </div>
        ${field(
          'own-target',
          'target',
          html`<select id="own-target" data-testid="own-target"
            aria-describedby=${describedBy('own-target')} aria-invalid=${invalid('target')}
            .value=${live(draft.target)} @change=${text('target')} ${ref(control('target'))}>
            ${targets.map(
              (id) =>
                html`<option value=${id} ?selected=${draft.target === id}>${t(`target.${id}`, { ns: 'exercises' })}</option>`,
            )}
          </select>`,
        )}
        <fieldset class="own-field" aria-describedby="own-kinds-error">
          <legend>${t('breaks:form.breakKinds')}</legend>
          <div class="own-check">
            <input type="checkbox" id="own-kind-micro" data-testid="own-kind-micro"
              aria-invalid=${invalid('breakKinds')} .checked=${live(draft.micro)}
              @change=${check('micro')} ${ref(control('breakKinds'))} />
            <label for="own-kind-micro">${t('breaks:form.micro')}</label>
          </div>
          <div class="own-check">
            <input type="checkbox" id="own-kind-long" data-testid="own-kind-long"
              .checked=${live(draft.long)} @change=${check('long')} />
            <label for="own-kind-long">${t('breaks:form.long')}</label>
          </div>
          ${errorLine('own-kinds', 'breakKinds')}
        </fieldset>
        ${field(
          'own-safety',
          'safety',
          html`<textarea id="own-safety" rows="2" maxlength="200" data-testid="own-safety"
            aria-describedby=${describedBy('own-safety')} aria-invalid=${invalid('safety')}
            .value=${live(draft.safety)} @input=${text('safety')} ${ref(control('safety'))}></textarea>`,
        )}
        ${field(
          'own-picture',
          'picture',
          html`<input id="own-picture" type="file" accept="image/png,image/jpeg,image/webp"
            data-testid="own-picture" aria-describedby=${describedBy('own-picture', true)}
            aria-invalid=${invalid('picture')} ${ref(control('picture'))} />`,
          t('breaks:form.pictureHint'),
        )}
        <div class="own-field own-check" ?hidden=${!editing?.own?.picture}>
          <input type="checkbox" id="own-remove-picture" .checked=${live(draft.removePicture)}
            @change=${check('removePicture')} />
          <label for="own-remove-picture">${t('breaks:form.removePicture')}</label>
        </div>
        <div class="own-actions">
          <button type="submit" data-testid="own-save">${t('breaks:form.save')}</button>
          <button type="button" class="secondary" data-testid="own-cancel" ?hidden=${!editing}
            @click=${() => {
              resetForm();
              focusTitle();
            }}>${t('breaks:form.cancel')}</button>
        </div>
      </form>`;
  };

  // The form is last, after the list: one press takes the keyboard there.
  const jumpToForm = () => {
    control('title').value?.focus({ preventScroll: true });
    formHeading.value?.scrollIntoView({ block: 'start' });
  };

  function draw() {
    const entries = catalogue?.exercises ?? [];
    const own = entries.filter((entry) => entry.origin === 'person');
    const organisation = entries.filter((entry) => entry.origin === 'organisation');
    const builtIn = entries.filter((entry) => entry.origin === 'built-in');
    out.draw(html`
      <section class="card" aria-labelledby="exercises-heading">
        <h2 id="exercises-heading">${t('breaks:exercises.heading')}</h2>
        <p class="detail">${t('breaks:exercises.intro')}</p>
        <p class="notice" data-testid="exercises-locked" ?hidden=${!catalogue?.preferencesLocked}
          >${t('breaks:exercises.locked')}</p>
        <button type="button" class="secondary" data-testid="own-jump" @click=${jumpToForm}
          >${t('breaks:form.addHeading')}</button>
      </section>
      <p class="exercises-status" role="status" data-testid="exercises-status">${status}</p>
      <p class="error" role="alert" data-testid="exercises-error">${failure}</p>
      <!-- What there is comes first: the organisation's and the built-in exercises, then
        the person's own and the form to add one. -->
      <section class="card" aria-labelledby="org-heading" ?hidden=${organisation.length === 0}>
        <h2 id="org-heading">${t('breaks:exercises.organisation')}</h2>
        <div class="ex-list" data-testid="organisation-exercises">${list(organisation)}</div>
      </section>
      <section class="card" aria-labelledby="builtin-heading">
        <h2 id="builtin-heading">${t('breaks:exercises.builtIn')}</h2>
        <div class="ex-list" data-testid="builtin-exercises">${list(builtIn)}</div>
      </section>
      <section class="card" aria-labelledby="own-heading">
        <h2 id="own-heading">${t('breaks:exercises.own')}</h2>
        <div class="ex-list" data-testid="own-exercises">
          ${own.length > 0 ? list(own) : html`<p class="detail">${t('breaks:exercises.ownEmpty')}</p>`}
        </div>
      </section>
      <section class="card">${form()}</section>`);
  }

  const show = (next: Catalogue) => {
    catalogue = next;
    // Asked again each time: the person may have changed or removed one.
    for (const entry of next.exercises) {
      if (!entry.hasPicture) {
        pictures.delete(entry.id);
        continue;
      }
      void api.call('getExercisePicture', { id: entry.id }).then(({ dataUrl }) => {
        if (dataUrl) pictures.set(entry.id, dataUrl);
        else pictures.delete(entry.id);
        draw();
      });
    }
    draw();
    root.setAttribute('aria-busy', 'false');
  };

  const refresh = async () => show(await api.call('listExercises'));
  const unsubscribe = api.on('exercises', show);
  draw();
  void refresh();

  return {
    unmount() {
      unsubscribe();
      out.clear();
      root.removeAttribute('aria-busy');
    },
  };
}
