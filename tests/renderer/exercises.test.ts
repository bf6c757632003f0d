import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '../../renderer/src/pages/exercises';
import type { Catalogue, CatalogueEntry } from '../../src/contract/contract';
import { resolveExercise } from '../../src/contract/exercise-words';
import { EXERCISES } from '../../src/contract/guides';
import { english, pageContext, scriptedApi, settle } from './page-harness';

async function catalogue(hidden: ReadonlySet<string> = new Set()): Promise<Catalogue> {
  const t = await english();
  const builtIn = EXERCISES.slice(0, 3).map(
    (exercise): CatalogueEntry => ({
      ...resolveExercise(t, exercise),
      origin: 'built-in',
      favourite: false,
      hidden: hidden.has(exercise.id),
      hasPicture: false,
    }),
  );
  return { exercises: builtIn, preferencesLocked: false };
}

describe('the Exercises page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.replaceChildren(root);
  });

  const headings = () => [...root.querySelectorAll('h2')].map((h) => h.textContent?.trim());

  it('lists the built-in exercises before "Add your own exercise"', async () => {
    const api = scriptedApi({ listExercises: await catalogue() });
    mount(root, await pageContext(api));
    await settle();
    const order = headings();
    expect(order.indexOf('Built-in exercises')).toBeGreaterThan(-1);
    expect(order.indexOf('Built-in exercises')).toBeLessThan(order.indexOf('Your exercises'));
    expect(order.indexOf('Your exercises')).toBeLessThan(order.indexOf('Add your own exercise'));
    const cards = root.querySelectorAll('[data-testid="builtin-exercises"] article');
    expect(cards.length).toBe(3);
    expect(root.querySelector('[data-testid="own-exercises"]')?.textContent).toContain(
      'You have not added any',
    );
  });

  it('offers no Favourite or Hide on a floor exercise, which no break uses', async () => {
    const t = await english();
    const plank = EXERCISES.find((exercise) => exercise.place === 'floor')!;
    const list = await catalogue();
    list.exercises.push({
      ...resolveExercise(t, plank),
      origin: 'built-in',
      favourite: false,
      hidden: false,
      hasPicture: false,
    });
    mount(root, await pageContext(scriptedApi({ listExercises: list })));
    await settle();
    const card = root.querySelector(`[data-exercise="${plank.id}"]`)!;
    expect(card.textContent).toContain('part of the Core routine at home');
    expect(card.querySelector(`[data-testid="favourite-${plank.id}"]`)).toBeNull();
    expect(card.querySelector(`[data-testid="hide-${plank.id}"]`)).toBeNull();
    const seated = root.querySelector(`[data-exercise="${list.exercises[0]!.id}"]`)!;
    expect(seated.querySelector('[data-testid^="favourite-"]')).not.toBeNull();
  });

  it('keeps the keyboard on Hide across the redraw the app sends', async () => {
    let catalogueNow = await catalogue();
    const api = scriptedApi({
      listExercises: () => catalogueNow,
      setExercisePreference: { ok: true },
    });
    mount(root, await pageContext(api));
    await settle();
    const id = EXERCISES[1]!.id;
    const hide = root.querySelector<HTMLButtonElement>(`[data-testid="hide-${id}"]`)!;
    expect(hide.getAttribute('aria-pressed')).toBe('false');
    hide.focus();
    catalogueNow = await catalogue(new Set([id]));
    hide.click();
    await settle();
    await settle();
    expect(api.calls).toContainEqual({
      name: 'setExercisePreference',
      input: { id, hidden: true },
    });
    expect(hide.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector(`[data-testid="hide-${id}"]`)).toBe(hide);
    expect(document.activeElement).toBe(hide);
    expect(root.querySelector(`[data-testid="exercise-${id}"]`)?.textContent).toContain('Hidden');
  });

  it('names the field the app refused, beside it, and puts the keyboard there', async () => {
    const api = scriptedApi({
      listExercises: await catalogue(),
      saveCustomExercise: {
        ok: false,
        errors: [{ field: 'title', code: 'text-too-short', params: { count: 1 } }],
      },
    });
    mount(root, await pageContext(api));
    await settle();
    const steps = root.querySelector<HTMLTextAreaElement>('[data-testid="own-steps"]')!;
    steps.value = 'Sit tall.\n<img src=x>';
    steps.dispatchEvent(new Event('input'));
    root.querySelector<HTMLFormElement>('[data-testid="own-form"]')!.requestSubmit();
    await settle();
    await settle();
    const save = api.calls.find((c) => c.name === 'saveCustomExercise')?.input as {
      exercise: { steps: string[] };
    };
    expect(save.exercise.steps).toEqual(['Sit tall.', '<img src=x>']);
    const title = root.querySelector<HTMLInputElement>('[data-testid="own-title"]')!;
    expect(root.querySelector('[data-testid="own-errors"]')?.hasAttribute('hidden')).toBe(false);
    expect(root.querySelector('[data-testid="own-errors"]')?.textContent).toContain(
      'Title: write at least one character',
    );
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('own-title-error')?.textContent).toContain('Title');
    expect(document.activeElement).toBe(title);
    // What the person typed is still there.
    expect(steps.value).toBe('Sit tall.\n<img src=x>');
  });
});
