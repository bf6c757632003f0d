import type { TFunction } from 'i18next';
import type { ShownExercise } from '../../src/contract/contract';
import { el } from './dom';

/**
 * One exercise as a card: its picture, title, dose, steps and safety cue. The break
 * page shows it large; the Exercises page shows a compact one with the steps folded.
 * Built-in illustrations are inlined (not <img>) so their `currentColor` strokes
 * follow the theme; a person's own picture is an <img> of the data URL the app sent.
 */
export type CardExercise = Omit<ShownExercise, 'picture'> & { picture?: string | undefined };

/**
 * Our own drawings, each its own small chunk loaded when its exercise is shown: a
 * break loads only the drawing on screen. A page that shows many at once (Exercises,
 * Core routine) calls `loadEveryDrawing` first and gets them all in one request
 * instead of one each. The file's name is the key: `bird-dog.svg`.
 */
const ONE_DRAWING = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../assets/exercises/*.svg', { query: '?raw', import: 'default' }),
  ).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1), load]),
);

let everyDrawing: Promise<Readonly<Record<string, string>>> | undefined;

/** Loads every drawing in one request; `drawing` then needs no more. */
export function loadEveryDrawing(): Promise<Readonly<Record<string, string>>> {
  everyDrawing ??= import('./drawing-set').then((set) => set.DRAWING_SET);
  return everyDrawing;
}

async function drawingText(file: string): Promise<string | undefined> {
  if (everyDrawing) return (await everyDrawing)[file];
  return ONE_DRAWING[file]?.();
}

const parsed = new Map<string, Promise<SVGSVGElement | null>>();

/** Our own files, but inlined into the page: nothing in them may run or reach out. */
function parseDrawing(text: string | undefined): SVGSVGElement | null {
  if (text === undefined) return null;
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return null;
  for (const unsafe of svg.querySelectorAll('script, foreignObject, iframe')) unsafe.remove();
  for (const node of [svg, ...svg.querySelectorAll('*')]) {
    for (const attribute of [...node.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on') || value.startsWith('javascript:')) {
        node.removeAttribute(attribute.name);
      } else if (name.endsWith('href') && !value.startsWith('#')) {
        node.removeAttribute(attribute.name);
      }
    }
  }
  return svg as unknown as SVGSVGElement;
}

/**
 * A fresh copy of the drawing `file` (`bird-dog.svg`) for this document, or null if
 * there is none. Loaded on first use, inlined so its `currentColor` follows the theme.
 */
export async function drawing(file: string): Promise<SVGSVGElement | null> {
  let pending = parsed.get(file);
  if (!pending) {
    pending = drawingText(file).then(parseDrawing, () => null);
    parsed.set(file, pending);
  }
  const svg = await pending;
  return svg ? (document.importNode(svg, true) as SVGSVGElement) : null;
}

/** The exercise's picture in a <figure>, filled in as soon as the drawing has loaded. */
export function exerciseFigure(exercise: CardExercise, t: TFunction): HTMLElement {
  const figure = el('figure', { class: 'ex-figure', 'data-testid': 'exercise-figure' });
  if (exercise.picture) {
    figure.append(
      el('img', {
        src: exercise.picture,
        alt: t('breaks:picture', { title: exercise.title }),
      }),
    );
  } else if (exercise.illustration) {
    figure.setAttribute('aria-busy', 'true');
    void drawing(exercise.illustration).then((svg) => {
      figure.removeAttribute('aria-busy');
      if (!svg) return;
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', t('breaks:illustration', { title: exercise.title }));
      svg.setAttribute('focusable', 'false');
      figure.replaceChildren(svg);
    });
  } else {
    figure.classList.add('ex-figure-none');
  }
  return figure;
}

export interface CardOptions {
  /** The heading level of the title within the page. */
  heading: 'h2' | 'h3';
  /** Steps folded into a disclosure; the break shows them open. */
  compact?: boolean;
}

export function exerciseCard(exercise: CardExercise, t: TFunction, options: CardOptions) {
  const title = el(options.heading, { class: 'ex-title', 'data-testid': 'exercise-title' });
  title.textContent = exercise.title;
  const dose = el(
    'p',
    { class: 'ex-dose', 'data-testid': 'exercise-dose' },
    el('span', {}, exercise.doseText),
    el('span', { class: 'ex-target' }, exercise.targetLabel),
    ...(exercise.place
      ? [el('span', { class: 'ex-target ex-place' }, t(`exercises:place.${exercise.place}`))]
      : []),
  );
  const steps = el(
    'ol',
    { class: 'ex-steps' },
    ...exercise.steps.map((step) => el('li', {}, step)),
  );
  const safety = el(
    'p',
    { class: 'ex-safety', 'data-testid': 'exercise-safety' },
    el('strong', {}, `${t('breaks:break.takeCare')}: `),
    exercise.safety,
  );
  const caution = exercise.caution
    ? el(
        'p',
        { class: 'ex-caution' },
        el('strong', {}, `${t('breaks:break.caution')}: `),
        exercise.caution,
      )
    : null;
  const details = options.compact
    ? el(
        'details',
        {},
        el('summary', {}, t('breaks:exercises.steps')),
        steps,
        safety,
        ...(caution ? [caution] : []),
      )
    : el(
        'div',
        { class: 'ex-howto' },
        el('h3', { class: 'visually-hidden' }, t('breaks:break.howTo')),
        steps,
        safety,
        ...(caution ? [caution] : []),
      );
  const text = el('div', { class: 'ex-text' }, title, dose, details);
  return el(
    'article',
    {
      class: `ex-card${options.compact ? ' ex-compact' : ''}`,
      'data-exercise': exercise.id,
    },
    exerciseFigure(exercise, t),
    text,
  );
}
