import type { TFunction } from 'i18next';
import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { ShownExercise } from '../../src/contract/contract';
import { el } from './dom';

/**
 * One exercise as a card: its picture, title, dose, steps and safety cue. The break
 * page shows it large; the Exercises page shows a compact one with the steps folded,
 * and the same words (`exerciseWords`).
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

/** How to do the exercise: its steps, the safety cue and any caution. */
function howTo(exercise: CardExercise, t: TFunction): TemplateResult {
  return html`<ol class="ex-steps">${exercise.steps.map((step) => html`<li>${step}</li>`)}</ol
    ><p class="ex-safety" data-testid="exercise-safety"><strong>${t('breaks:break.takeCare')}: </strong>${exercise.safety}</p
    >${
      exercise.caution
        ? html`<p class="ex-caution"><strong>${t('breaks:break.caution')}: </strong>${exercise.caution}</p>`
        : nothing
    }`;
}

export interface WordsOptions {
  /** The heading level of the title within the page. */
  heading: 'h2' | 'h3';
  /** How to do it folded into a disclosure (the Exercises page); a break shows it open. */
  folded: boolean;
  /** The title's id, for buttons that name the exercise they act on. */
  titleId?: string;
}

/**
 * The words of an exercise card, the same in a break and on the Exercises page: its
 * title, dose and place, and how to do it.
 */
export function exerciseWords(
  exercise: CardExercise,
  t: TFunction,
  options: WordsOptions,
): TemplateResult {
  const id = options.titleId ?? nothing;
  const title =
    options.heading === 'h2'
      ? html`<h2 class="ex-title" id=${id} data-testid="exercise-title">${exercise.title}</h2>`
      : html`<h3 class="ex-title" id=${id} data-testid="exercise-title">${exercise.title}</h3>`;
  const place = exercise.place
    ? html`<span class="ex-target ex-place">${t(`exercises:place.${exercise.place}`)}</span>`
    : nothing;
  const dose = html`<p class="ex-dose" data-testid="exercise-dose"><span>${exercise.doseText}</span
    ><span class="ex-target">${exercise.targetLabel}</span>${place}</p>`;
  const steps = options.folded
    ? html`<details><summary>${t('breaks:exercises.steps')}</summary>${howTo(exercise, t)}</details>`
    : html`<div class="ex-howto"><h3 class="visually-hidden">${t('breaks:break.howTo')}</h3>${howTo(exercise, t)}</div>`;
  return html`${title}${dose}${steps}`;
}

/**
 * A break's exercise card: the picture and the words, made once per exercise shown so
 * the drawing is not loaded again on each redraw.
 */
export function exerciseCard(exercise: CardExercise, t: TFunction): HTMLElement {
  const holder = document.createElement('div');
  render(
    html`<article class="ex-card" data-exercise=${exercise.id}>${exerciseFigure(exercise, t)}<div class="ex-text">${exerciseWords(exercise, t, { heading: 'h2', folded: false })}</div></article>`,
    holder,
  );
  return holder.firstElementChild as HTMLElement;
}
