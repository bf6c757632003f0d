import type {
  Catalogue,
  CatalogueEntry,
  FieldError,
  SaveExerciseInput,
} from '../../../src/contract/contract';
import { refusalText } from '../../../src/contract/i18n';

import { isPictureType, MAX_PICTURE_BYTES } from '../../../src/contract/pictures';
import { el } from '../dom';
import { exerciseCard, loadEveryDrawing } from '../exercise-view';
import type { MountedPage, PageContext } from './index';

/**
 * The Exercises page (#exercises): every exercise a break may show, with Favourite
 * and Hide (kept in settings by the app), and the person's own exercises: add, edit,
 * remove, with an optional picture. The app validates and stores; errors come back
 * by field and are shown beside the field they are about.
 */

type DoseKind = 'hold' | 'reps' | 'timed';

let fieldCounter = 0;

function field(label: string, control: HTMLElement, hint?: string) {
  const id = control.id || `own-field-${++fieldCounter}`;
  control.id = id;
  const error = el('p', { class: 'own-error', id: `${id}-error`, hidden: '' });
  const describedBy = [`${id}-error`];
  const parts: Node[] = [el('label', { for: id }, label)];
  if (hint) {
    parts.push(el('p', { class: 'own-hint', id: `${id}-hint` }, hint));
    describedBy.unshift(`${id}-hint`);
  }
  control.setAttribute('aria-describedby', describedBy.join(' '));
  const wrapper = el('div', { class: 'own-field' }, ...parts, control, error);
  return { wrapper, control, error, label };
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('unreadable')));
    reader.readAsDataURL(file);
  });
}

export function mount(root: HTMLElement, { api, t }: PageContext): MountedPage {
  // Every card shows its drawing: one request for all of them.
  void loadEveryDrawing();
  const status = el('p', {
    class: 'exercises-status',
    role: 'status',
    'data-testid': 'exercises-status',
  });
  const failure = el('p', { class: 'error', role: 'alert', 'data-testid': 'exercises-error' });
  const locked = el('p', { class: 'notice', hidden: '', 'data-testid': 'exercises-locked' });
  locked.textContent = t('breaks:exercises.locked');
  const ownList = el('div', { class: 'ex-list', 'data-testid': 'own-exercises' });
  const orgList = el('div', { class: 'ex-list', 'data-testid': 'organisation-exercises' });
  const builtInList = el('div', { class: 'ex-list', 'data-testid': 'builtin-exercises' });
  const orgSection = el(
    'section',
    { class: 'card', 'aria-labelledby': 'org-heading', hidden: '' },
    el('h2', { id: 'org-heading' }, t('breaks:exercises.organisation')),
    orgList,
  );

  // --- The form for a person's own exercise ---
  const formHeading = el('h2', { id: 'own-form-heading' }, t('breaks:form.addHeading'));
  const title = field(
    t('breaks:form.title'),
    el('input', { type: 'text', maxlength: '80', 'data-testid': 'own-title', autocomplete: 'off' }),
  );
  const steps = field(
    t('breaks:form.steps'),
    el('textarea', { rows: '4', 'data-testid': 'own-steps' }),
    t('breaks:form.stepsHint'),
  );
  const doseKind = field(
    t('breaks:form.doseKind'),
    el(
      'select',
      { 'data-testid': 'own-dose-kind' },
      el('option', { value: 'hold' }, t('breaks:form.doseHold')),
      el('option', { value: 'reps' }, t('breaks:form.doseReps')),
      el('option', { value: 'timed' }, t('breaks:form.doseTimed')),
    ),
  );
  const seconds = field(
    t('breaks:form.seconds'),
    el('input', {
      type: 'number',
      min: '1',
      max: '600',
      value: '15',
      'data-testid': 'own-seconds',
    }),
  );
  const reps = field(
    t('breaks:form.reps'),
    el('input', { type: 'number', min: '1', max: '50', value: '1', 'data-testid': 'own-reps' }),
  );
  const perSideBox = el('input', {
    type: 'checkbox',
    id: 'own-per-side',
    'data-testid': 'own-per-side',
  });
  const perSide = el(
    'div',
    { class: 'own-field own-check' },
    perSideBox,
    el('label', { for: 'own-per-side' }, t('breaks:form.perSide')),
  );
  const targets = Object.keys(
    t('target', { ns: 'exercises', returnObjects: true }) as Record<string, string>,
  );
  const target = field(
    t('breaks:form.target'),
    el(
      'select',
      { 'data-testid': 'own-target' },
      ...targets.map((id) => el('option', { value: id }, t(`target.${id}`, { ns: 'exercises' }))),
    ),
  );
  const microBox = el('input', {
    type: 'checkbox',
    id: 'own-kind-micro',
    checked: '',
    'data-testid': 'own-kind-micro',
  });
  const longBox = el('input', {
    type: 'checkbox',
    id: 'own-kind-long',
    checked: '',
    'data-testid': 'own-kind-long',
  });
  const kindsError = el('p', { class: 'own-error', id: 'own-kinds-error', hidden: '' });
  const kinds = el(
    'fieldset',
    { class: 'own-field', 'aria-describedby': 'own-kinds-error' },
    el('legend', {}, t('breaks:form.breakKinds')),
    el(
      'div',
      { class: 'own-check' },
      microBox,
      el('label', { for: 'own-kind-micro' }, t('breaks:form.micro')),
    ),
    el(
      'div',
      { class: 'own-check' },
      longBox,
      el('label', { for: 'own-kind-long' }, t('breaks:form.long')),
    ),
    kindsError,
  );
  const safety = field(
    t('breaks:form.safety'),
    el('textarea', { rows: '2', maxlength: '200', 'data-testid': 'own-safety' }),
  );
  const picture = field(
    t('breaks:form.picture'),
    el('input', {
      type: 'file',
      accept: 'image/png,image/jpeg,image/webp',
      'data-testid': 'own-picture',
    }),
    t('breaks:form.pictureHint'),
  );
  const removePictureBox = el('input', { type: 'checkbox', id: 'own-remove-picture' });
  const removePicture = el(
    'div',
    { class: 'own-field own-check', hidden: '' },
    removePictureBox,
    el('label', { for: 'own-remove-picture' }, t('breaks:form.removePicture')),
  );
  const errorList = el('ul', {});
  const errorSummary = el(
    'div',
    { class: 'own-errors', role: 'alert', hidden: '', 'data-testid': 'own-errors' },
    el('p', {}, t('breaks:form.errorsHeading')),
    errorList,
  );
  const save = el('button', { type: 'submit', 'data-testid': 'own-save' }, t('breaks:form.save'));
  const cancel = el(
    'button',
    { type: 'button', class: 'secondary', hidden: '', 'data-testid': 'own-cancel' },
    t('breaks:form.cancel'),
  );
  const form = el(
    'form',
    {
      class: 'own-form',
      novalidate: '',
      'aria-labelledby': 'own-form-heading',
      'data-testid': 'own-form',
    },
    formHeading,
    errorSummary,
    title.wrapper,
    steps.wrapper,
    el('div', { class: 'own-row' }, doseKind.wrapper, seconds.wrapper, reps.wrapper),
    perSide,
    target.wrapper,
    kinds,
    safety.wrapper,
    picture.wrapper,
    removePicture,
    el('div', { class: 'own-actions' }, save, cancel),
  );

  // The form is last, after the list: one press takes the keyboard there.
  const jumpToForm = el(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'own-jump' },
    t('breaks:form.addHeading'),
  );
  jumpToForm.addEventListener('click', () => {
    const input = title.control as HTMLInputElement;
    input.focus({ preventScroll: true });
    formHeading.scrollIntoView({ block: 'start' });
  });

  root.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'exercises-heading' },
      el('h2', { id: 'exercises-heading' }, t('breaks:exercises.heading')),
      el('p', { class: 'detail' }, t('breaks:exercises.intro')),
      locked,
      jumpToForm,
    ),
    status,
    failure,
    // What there is comes first: the organisation's and the built-in exercises, then
    // the person's own and the form to add one.
    orgSection,
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'builtin-heading' },
      el('h2', { id: 'builtin-heading' }, t('breaks:exercises.builtIn')),
      builtInList,
    ),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'own-heading' },
      el('h2', { id: 'own-heading' }, t('breaks:exercises.own')),
      ownList,
    ),
    el('section', { class: 'card' }, form),
  );

  let editing: CatalogueEntry | null = null;
  let catalogue: Catalogue | null = null;

  // --- Errors by field ---
  const controls: Record<string, { control: HTMLElement; error: HTMLElement; label: string }> = {
    title,
    steps,
    'dose.seconds': seconds,
    'dose.reps': reps,
    dose: doseKind,
    target,
    breakKinds: { control: microBox, error: kindsError, label: t('breaks:form.breakKinds') },
    safety: { ...safety, label: t('breaks:form.field.safety') },
    picture: { ...picture, label: t('breaks:form.field.picture') },
  };
  const controlFor = (path: string) => {
    const root = path.replace(/\[\d+\]$/, '').replace(/\[\d+\].*$/, '');
    return controls[path] ?? controls[root] ?? controls[root.split('.')[0] ?? ''] ?? null;
  };
  const clearErrors = () => {
    errorSummary.hidden = true;
    errorList.replaceChildren();
    for (const { control, error } of Object.values(controls)) {
      control.removeAttribute('aria-invalid');
      error.hidden = true;
      error.textContent = '';
    }
  };
  const showErrors = (errors: readonly (FieldError | { field: string; message: string })[]) => {
    clearErrors();
    for (const error of errors) {
      const path = error.field;
      const message = 'code' in error ? refusalText(t, error) : error.message;
      const target = controlFor(path);
      const label = target?.label ?? t('breaks:form.field.(root)');
      const text = t('breaks:form.fieldError', { field: label, message });
      errorList.append(el('li', {}, text));
      if (target) {
        target.control.setAttribute('aria-invalid', 'true');
        target.error.hidden = false;
        target.error.textContent = target.error.textContent
          ? `${target.error.textContent} ${text}`
          : text;
      }
    }
    errorSummary.hidden = false;
    const first = errors.map((error) => controlFor(error.field)).find(Boolean);
    (first?.control ?? errorSummary).focus();
  };

  // --- The dose fields that apply ---
  const doseSelect = doseKind.control as HTMLSelectElement;
  const secondsInput = seconds.control as HTMLInputElement;
  const repsInput = reps.control as HTMLInputElement;
  const showDoseFields = () => {
    const kind = doseSelect.value as DoseKind;
    seconds.wrapper.hidden = kind === 'reps';
    reps.wrapper.hidden = kind === 'timed';
    perSide.hidden = kind === 'timed';
  };
  doseSelect.addEventListener('change', showDoseFields);

  const resetForm = () => {
    editing = null;
    form.reset();
    formHeading.textContent = t('breaks:form.addHeading');
    cancel.hidden = true;
    removePicture.hidden = true;
    clearErrors();
    showDoseFields();
  };

  const edit = (entry: CatalogueEntry) => {
    const own = entry.own;
    if (!own) return;
    resetForm();
    editing = entry;
    formHeading.textContent = t('breaks:form.editHeading', { title: own.title });
    (title.control as HTMLInputElement).value = own.title;
    (steps.control as HTMLTextAreaElement).value = own.steps.join('\n');
    doseSelect.value = own.dose.kind;
    if (own.dose.kind !== 'reps') secondsInput.value = String(own.dose.seconds);
    if (own.dose.kind !== 'timed') {
      repsInput.value = String(own.dose.reps);
      perSideBox.checked = Boolean(own.dose.perSide);
    }
    (target.control as HTMLSelectElement).value = own.target;
    microBox.checked = own.breakKinds.includes('micro');
    longBox.checked = own.breakKinds.includes('long');
    (safety.control as HTMLTextAreaElement).value = own.safety ?? '';
    removePicture.hidden = !own.picture;
    cancel.hidden = false;
    showDoseFields();
    (title.control as HTMLInputElement).focus();
  };

  const number = (input: HTMLInputElement) =>
    input.value.trim() === '' ? undefined : Number(input.value);

  const draft = (): Record<string, unknown> => {
    const kind = doseSelect.value as DoseKind;
    const dose: Record<string, unknown> = { kind };
    if (kind !== 'reps') dose.seconds = number(secondsInput);
    if (kind !== 'timed') {
      dose.reps = number(repsInput);
      if (perSideBox.checked) dose.perSide = true;
    }
    const safetyText = (safety.control as HTMLTextAreaElement).value.trim();
    return {
      title: (title.control as HTMLInputElement).value,
      steps: (steps.control as HTMLTextAreaElement).value
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      dose,
      target: (target.control as HTMLSelectElement).value,
      breakKinds: [...(microBox.checked ? ['micro'] : []), ...(longBox.checked ? ['long'] : [])],
      ...(safetyText ? { safety: safetyText } : {}),
    };
  };

  /** The chosen picture as the app wants it, or the error to show under the field. */
  const pictureChoice = async (): Promise<SaveExerciseInput['picture'] | { error: string }> => {
    const file = (picture.control as HTMLInputElement).files?.[0];
    if (file) {
      if (!isPictureType(file.type)) return { error: t('breaks:form.pictureType') };
      if (file.size > MAX_PICTURE_BYTES) return { error: t('breaks:form.pictureSize') };
      return { dataUrl: await readAsDataUrl(file) };
    }
    return editing && removePictureBox.checked ? 'remove' : undefined;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    failure.textContent = '';
    const chosen = await pictureChoice();
    if (chosen && typeof chosen === 'object' && 'error' in chosen) {
      showErrors([{ field: 'picture', message: chosen.error }]);
      return;
    }
    const input: SaveExerciseInput = {
      exercise: draft(),
      ...(editing ? { id: editing.id } : {}),
      ...(chosen ? { picture: chosen } : {}),
    };
    try {
      const result = await api.call('saveCustomExercise', input);
      if (!result.ok) {
        showErrors(result.errors);
        return;
      }
      const saved = String(input.exercise.title).trim();
      resetForm();
      status.textContent = t('breaks:exercises.saved', { title: saved });
      await refresh();
    } catch (error) {
      failure.textContent = t('breaks:exercises.failed', { reason: (error as Error).message });
    }
  });
  cancel.addEventListener('click', () => {
    resetForm();
    (title.control as HTMLInputElement).focus();
  });

  // --- The lists ---
  const toggle = (entry: CatalogueEntry, which: 'favourite' | 'hidden') => {
    const on = !entry[which];
    const button = el('button', {
      type: 'button',
      class: 'secondary toggle',
      'aria-pressed': String(entry[which]),
      'data-testid': `${which === 'favourite' ? 'favourite' : 'hide'}-${entry.id}`,
    });
    button.textContent = t(
      which === 'favourite' ? 'breaks:exercises.favourite' : 'breaks:exercises.hide',
    );
    button.disabled = catalogue?.preferencesLocked ?? false;
    button.addEventListener('click', async () => {
      failure.textContent = '';
      try {
        const result = await api.call('setExercisePreference', { id: entry.id, [which]: on });
        if (!result.ok)
          failure.textContent = t('breaks:exercises.failed', { reason: refusalText(t, result) });
        await refresh();
      } catch (error) {
        failure.textContent = t('breaks:exercises.failed', { reason: (error as Error).message });
      }
    });
    return button;
  };

  const card = (entry: CatalogueEntry) => {
    const article = exerciseCard(entry, t, { heading: 'h3', compact: true });
    article.dataset.testid = `exercise-${entry.id}`;
    if (entry.hidden) article.classList.add('ex-hidden');
    const text = article.querySelector('.ex-text')!;
    const kinds = entry.breakKinds.map((kind) => t(`breaks:kind.${kind}`)).join(', ');
    text.append(
      el(
        'p',
        { class: 'ex-meta' },
        entry.place === 'floor'
          ? t('exercises:place.floorNote')
          : t('breaks:exercises.breakKinds', { kinds }),
      ),
    );
    if (entry.hidden) text.append(el('p', { class: 'ex-meta' }, t('breaks:exercises.hiddenNote')));
    const buttons = el(
      'div',
      { class: 'ex-actions' },
      toggle(entry, 'favourite'),
      toggle(entry, 'hidden'),
    );
    if (entry.own) {
      const editButton = el('button', {
        type: 'button',
        class: 'secondary',
        'data-testid': `edit-${entry.id}`,
      });
      editButton.textContent = t('breaks:exercises.edit');
      editButton.setAttribute('aria-label', `${t('breaks:exercises.edit')}: ${entry.title}`);
      editButton.addEventListener('click', () => edit(entry));
      const removeButton = el('button', {
        type: 'button',
        class: 'secondary',
        'data-testid': `remove-${entry.id}`,
      });
      removeButton.textContent = t('breaks:exercises.remove');
      removeButton.setAttribute('aria-label', `${t('breaks:exercises.remove')}: ${entry.title}`);
      removeButton.addEventListener('click', async () => {
        const result = await api.call('removeCustomExercise', { id: entry.id });
        if (!result.ok)
          failure.textContent = t('breaks:exercises.failed', { reason: refusalText(t, result) });
        else status.textContent = t('breaks:exercises.removed', { title: entry.title });
        if (editing?.id === entry.id) resetForm();
        await refresh();
      });
      buttons.append(editButton, removeButton);
    }
    text.append(buttons);
    if (entry.hasPicture) {
      void api.call('getExercisePicture', { id: entry.id }).then(({ dataUrl }) => {
        if (!dataUrl) return;
        const figure = article.querySelector('.ex-figure')!;
        figure.classList.remove('ex-figure-none');
        figure.replaceChildren(
          el('img', { src: dataUrl, alt: t('breaks:picture', { title: entry.title }) }),
        );
      });
    }
    for (const button of buttons.querySelectorAll('button')) {
      button.setAttribute('aria-describedby', `${article.dataset.testid}-title`);
    }
    article.querySelector('.ex-title')!.id = `${article.dataset.testid}-title`;
    return article;
  };

  const render = (next: Catalogue) => {
    catalogue = next;
    // Keep the keyboard where it was across the redraw.
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    locked.hidden = !next.preferencesLocked;
    const own = next.exercises.filter((entry) => entry.origin === 'person');
    const organisation = next.exercises.filter((entry) => entry.origin === 'organisation');
    ownList.replaceChildren(
      ...(own.length > 0
        ? own.map(card)
        : [el('p', { class: 'detail' }, t('breaks:exercises.ownEmpty'))]),
    );
    orgList.replaceChildren(...organisation.map(card));
    orgSection.hidden = organisation.length === 0;
    builtInList.replaceChildren(
      ...next.exercises.filter((entry) => entry.origin === 'built-in').map(card),
    );
    root.setAttribute('aria-busy', 'false');
    if (focused) root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
  };

  const refresh = async () => render(await api.call('listExercises'));
  const unsubscribe = api.on('exercises', render);
  showDoseFields();
  void refresh();

  return { unmount: unsubscribe };
}
