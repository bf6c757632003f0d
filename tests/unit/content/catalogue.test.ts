import { readdirSync, readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import exercisesJson from '../../../locales/en/exercises.json';
import { exerciseDrawings } from '../../../scripts/draw-exercises';
import { doseText, exerciseSchema, exerciseTextKeys } from '../../../src/contract/content';
import { createTranslator } from '../../../src/contract/i18n';
import {
  doseSeconds,
  EXERCISES,
  type Exercise,
  MICRO_BREAK_SECONDS,
  PLACES,
  RESERVED_CONTENT_KEYS,
  SOURCES,
  TARGETS,
} from '../../../src/core/content/exercises';
import { readSvg } from './svg-check';
import { shapeBoxes } from './svg-geometry';

const ASSETS = new URL('../../../assets/exercises/', import.meta.url);
const byId = new Map(EXERCISES.map((exercise) => [exercise.id, exercise]));
const exercise = (id: string): Exercise => {
  const found = byId.get(id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
};

let t: TFunction;
let exists: (key: string) => boolean;
beforeAll(async () => {
  const translator = await createTranslator('en');
  t = translator.t;
  exists = (key) => translator.i18n.exists(key, { ns: 'exercises', lng: 'en', fallbackLng: [] });
});

describe('the exercise catalogue', () => {
  it('holds at least 24 exercises with unique kebab-case ids', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    for (const { id } of EXERCISES) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(RESERVED_CONTENT_KEYS as readonly string[]).not.toContain(id);
    }
  });

  it('covers the stretches and core routines desk workers with upper back pain need', () => {
    const required = [
      'thoracic-extension-chair',
      'doorway-chest-stretch',
      'seated-chest-opener',
      'scapular-squeeze',
      'chin-tuck',
      'upper-trapezius-stretch',
      'levator-scapulae-stretch',
      'shoulder-rolls',
      'seated-cat-cow',
      'seated-thoracic-rotation',
      'wrist-flexor-stretch',
      'wrist-extensor-stretch',
      'finger-spread',
      'eye-rest-20-20-20',
      'stand-and-walk',
      'wall-angels',
      'neck-side-bend',
      'plank',
      'bird-dog',
      'glute-bridge',
      'dead-bug',
    ];
    expect(EXERCISES.map((e) => e.id)).toEqual(expect.arrayContaining(required));
    for (const target of TARGETS) {
      expect(EXERCISES.some((e) => e.target === target)).toBe(true);
    }
  });

  it('is valid by the same schema that checks exercise definitions', () => {
    for (const definition of EXERCISES) {
      const parsed = exerciseSchema.safeParse(definition);
      expect(parsed.success, `${definition.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('offers for micro breaks only exercises that fit in 30 seconds', () => {
    const micro = EXERCISES.filter((e) => e.breakKinds.includes('micro'));
    expect(micro.length).toBeGreaterThanOrEqual(12);
    for (const e of micro) {
      expect(doseSeconds(e.dose), e.id).toBeLessThanOrEqual(MICRO_BREAK_SECONDS);
    }
  });

  it('says where each exercise is done, and offers floor work to no break', () => {
    const floor = EXERCISES.filter((e) => e.place === 'floor').map((e) => e.id);
    // What the Core routine page calls "on the floor at home", and the lying Y raise.
    expect(floor.sort()).toEqual(
      ['bird-dog', 'dead-bug', 'glute-bridge', 'plank', 'prone-y-raise'].sort(),
    );
    for (const e of EXERCISES) {
      expect(PLACES, e.id).toContain(e.place);
      if (e.place === 'floor') expect(e.breakKinds, e.id).toEqual([]);
      else expect(e.breakKinds.length, e.id).toBeGreaterThan(0);
    }
    // Steps that use a chair, a wall or a doorway say where.
    expect(exercise('thoracic-extension-chair').place).toBe('seated');
    expect(exercise('wall-angels').place).toBe('standing');
    expect(exercise('doorway-chest-stretch').place).toBe('standing');
    expect(exercise('doorway-chest-stretch').breakKinds).toEqual(['long']);
  });

  it('refuses a built-in floor exercise offered for a break, naming the field', () => {
    const plank = exercise('plank');
    const parsed = exerciseSchema.safeParse({ ...plank, breakKinds: ['long'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['breakKinds'],
      message: expect.stringContaining('core routine'),
    });
    expect(exerciseSchema.safeParse({ ...plank, place: 'bed' }).success).toBe(false);
  });

  it('gives every exercise a source cited in docs/sources.md', () => {
    const cited = new Set<string>(Object.values(SOURCES));
    for (const e of EXERCISES) expect(cited, e.id).toContain(e.source);
  });

  it('doses as docs/sources.md says', () => {
    expect(exercise('chin-tuck').dose).toEqual({ kind: 'hold', seconds: 5, reps: 10 });
    expect(exercise('scapular-squeeze').dose).toEqual({ kind: 'hold', seconds: 5, reps: 10 });
    expect(exercise('bird-dog').dose).toEqual({
      kind: 'hold',
      seconds: 5,
      reps: 10,
      perSide: true,
    });
    expect(exercise('shoulder-rolls').dose).toMatchObject({ kind: 'reps', reps: 20 }); // ~10 each way
    const inRange = (value: number, min: number, max: number) => value >= min && value <= max;
    const reps = (id: string) => {
      const dose = exercise(id).dose;
      return dose.kind === 'timed' ? Number.NaN : dose.reps;
    };
    expect(inRange(reps('thoracic-extension-chair'), 8, 10)).toBe(true);
    expect(inRange(reps('seated-cat-cow'), 6, 8)).toBe(true);
    expect(inRange(reps('glute-bridge'), 8, 12)).toBe(true);
    const doorway = exercise('doorway-chest-stretch').dose;
    expect(doorway.kind === 'hold' && inRange(doorway.seconds, 15, 30)).toBe(true);
    expect(doorway.kind === 'hold' && inRange(doorway.reps, 2, 3)).toBe(true);
    const plank = exercise('plank').dose;
    expect(plank.kind === 'hold' && inRange(plank.seconds, 10, 30)).toBe(true);
    const eyes = exercise('eye-rest-20-20-20').dose;
    expect(eyes.kind === 'timed' && eyes.seconds >= 20).toBe(true);
    // Stretches: hold 10–30 s (ACSM 2021; Harvard Health); upper trapezius 15–30 s a side.
    for (const e of EXERCISES.filter((e) => e.source === SOURCES.stretchDose)) {
      expect(e.dose.kind, e.id).toBe('hold');
      if (e.dose.kind === 'hold') expect(inRange(e.dose.seconds, 10, 30), e.id).toBe(true);
    }
    const trapezius = exercise('upper-trapezius-stretch').dose;
    expect(trapezius.kind === 'hold' && inRange(trapezius.seconds, 15, 30)).toBe(true);
    expect(trapezius.kind === 'hold' && trapezius.perSide).toBe(true);
  });
});

describe('the words of the exercises', () => {
  it('exist in English for every key an exercise refers to, so no raw key is ever shown', () => {
    for (const e of EXERCISES) {
      const keys = exerciseTextKeys(e);
      const all = [keys.title, ...keys.steps, keys.safety, keys.why];
      if (keys.caution) all.push(keys.caution);
      for (const key of all) {
        expect(exists(key), key).toBe(true);
        const text = t(key, { ns: 'exercises' });
        expect(text.trim().length, key).toBeGreaterThan(0);
        expect(text).not.toBe(key);
      }
      expect(keys.steps.length, e.id).toBeGreaterThanOrEqual(1);
      expect(t(`target.${e.target}`, { ns: 'exercises' })).not.toBe(`target.${e.target}`);
    }
  });

  it('hold exactly the steps, cautions and exercises the catalogue declares', () => {
    const locale = exercisesJson as Record<string, unknown>;
    const shared = new Set<string>(RESERVED_CONTENT_KEYS);
    const localeIds = Object.keys(locale).filter((key) => !shared.has(key));
    expect(localeIds.sort()).toEqual(EXERCISES.map((e) => e.id).sort());
    for (const e of EXERCISES) {
      const entry = locale[e.id] as { steps: Record<string, string>; caution?: string };
      expect(Object.keys(entry.steps), e.id).toHaveLength(e.stepCount);
      expect(entry.caution !== undefined, e.id).toBe(e.cautionKey === true);
    }
  });

  it('give every exercise a safety cue, and every stretch or strength move says when to stop', () => {
    for (const e of EXERCISES) {
      const safety = t(`${e.id}.safety`, { ns: 'exercises' });
      expect(safety.length, e.id).toBeGreaterThan(10);
      if (!['eyes', 'whole-body'].includes(e.target)) expect(safety, e.id).toMatch(/\bstop\b/i);
    }
    expect(t('thoracic-extension-chair.caution', { ns: 'exercises' })).toMatch(/spinal surgery/);
    expect(t('doorway-chest-stretch.caution', { ns: 'exercises' })).toMatch(/frozen shoulder/);
  });

  it('promise nothing: "may help", never "cure"', () => {
    const words = JSON.stringify(exercisesJson);
    expect(words).not.toMatch(/\bcur(e|es|ed|ing)\b/i);
    expect(words).not.toMatch(/\bguarantee/i);
    for (const e of EXERCISES) {
      expect(t(`${e.id}.why`, { ns: 'exercises' }), e.id).not.toMatch(/\bwill (fix|heal)\b/i);
    }
  });

  it('read doses in plain English with plurals', () => {
    expect(doseText(t, { kind: 'hold', seconds: 15, reps: 1, perSide: true })).toBe(
      'Hold 15 seconds on each side',
    );
    expect(doseText(t, { kind: 'hold', seconds: 5, reps: 10 })).toBe('Hold 5 seconds, 10 times');
    expect(doseText(t, { kind: 'hold', seconds: 1, reps: 1 })).toBe('Hold 1 second');
    expect(doseText(t, { kind: 'reps', reps: 1 })).toBe('1 slow repetition');
    expect(doseText(t, { kind: 'reps', reps: 5, perSide: true })).toBe(
      '5 slow repetitions on each side',
    );
    expect(doseText(t, { kind: 'timed', seconds: 20 })).toBe('20 seconds');
  });
});

describe('the exercise illustrations', () => {
  const files = readdirSync(ASSETS).filter((name) => name.endsWith('.svg'));

  it('exist, one per exercise, and nothing else', () => {
    expect(files.sort()).toEqual(EXERCISES.map((e) => e.illustration).sort());
    for (const e of EXERCISES) expect(e.illustration).toBe(`${e.id}.svg`);
  });

  it.each(EXERCISES.map((e) => e.illustration))(
    '%s is a small, self-contained, theme-coloured SVG of 160 × 160',
    (file) => {
      const text = readFileSync(new URL(file, ASSETS), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThan(3 * 1024);
      const svg = readSvg(text);
      if (!svg.ok) throw new Error(`${file}: ${svg.error}`);
      const [root, ...rest] = svg.elements;
      expect(root?.name).toBe('svg');
      expect(root?.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(root?.attributes.viewBox).toBe('0 0 160 160');
      expect(root?.attributes.stroke).toBe('currentColor');
      expect(rest.length).toBeGreaterThan(0);
      const allowedColours = new Set(['currentColor', 'none', 'var(--accent, #1f6f5c)']);
      for (const element of svg.elements) {
        expect(['svg', 'g', 'path', 'circle', 'rect', 'line', 'ellipse', 'polyline']).toContain(
          element.name,
        );
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name, `${file} <${element.name} ${name}>`).not.toMatch(/^on|href$|^style$/i);
          if (name !== 'xmlns')
            expect(value, `${file} ${name}`).not.toMatch(/url\(|javascript:|https?:/i);
          if (name === 'stroke' || name === 'fill') {
            expect(allowedColours, `${file} ${name}="${value}"`).toContain(value);
          }
        }
      }
      // The movement is shown by at least one accent arrow or guide.
      expect(text).toContain('var(--accent, #1f6f5c)');
    },
  );

  it('are all drawn in one style by scripts/draw-exercises.ts, as committed', () => {
    const drawn = exerciseDrawings();
    expect(Object.keys(drawn).sort()).toEqual(EXERCISES.map((e) => e.id).sort());
    // If this fails after changing a pose: node --import tsx scripts/draw-exercises.ts
    for (const [id, svg] of Object.entries(drawn)) {
      expect(readFileSync(new URL(`${id}.svg`, ASSETS), 'utf8'), id).toBe(svg);
    }
  });

  it('measures a shape by its curves and arcs, stroke included', () => {
    const boxes = (text: string) => {
      const svg = readSvg(
        `<svg xmlns="http://www.w3.org/2000/svg" stroke="currentColor">${text}</svg>`,
      );
      if (!svg.ok) throw new Error(svg.error);
      return shapeBoxes(svg.elements).map(({ box }) => box);
    };
    // A half circle over the top, from (10, 50) to (90, 50), with a stroke of 6.
    const [arc] = boxes('<path d="M10 50A40 40 0 0 1 90 50" stroke-width="6"/>');
    expect(arc!.minY).toBeCloseTo(7, 1);
    expect(arc!.maxY).toBeCloseTo(53, 1);
    // A curve bulges past its end points; a relative line; a circle filled, not stroked.
    const [curve, line, dot] = boxes(
      '<g stroke-width="4"><path d="M0 100Q50 0 100 100"/><path d="m10 10l5 -8"/></g>' +
        '<circle cx="20" cy="20" r="5" stroke="none"/>',
    );
    expect(curve!.minY).toBeCloseTo(48, 0);
    expect(line).toEqual({ minX: 8, minY: 0, maxX: 17, maxY: 12 });
    expect(dot).toEqual({ minX: 15, minY: 15, maxX: 25, maxY: 25 });
  });

  it.each(EXERCISES.map((e) => e.illustration))(
    '%s keeps every shape, stroke included, inside its frame',
    (file) => {
      const svg = readSvg(readFileSync(new URL(file, ASSETS), 'utf8'));
      if (!svg.ok) throw new Error(`${file}: ${svg.error}`);
      const [x, y, width, height] = svg.elements[0]!.attributes.viewBox!.split(' ').map(Number);
      // A transform would move a shape away from the numbers read here.
      for (const element of svg.elements) expect(element.attributes.transform).toBeUndefined();
      const boxes = shapeBoxes(svg.elements);
      expect(boxes.length).toBeGreaterThan(3);
      for (const { element, box } of boxes) {
        const shape = `${file} <${element.name} ${element.attributes.d ?? ''}>`;
        expect(box.minX, shape).toBeGreaterThanOrEqual(x!);
        expect(box.minY, shape).toBeGreaterThanOrEqual(y!);
        expect(box.maxX, shape).toBeLessThanOrEqual(x! + width!);
        expect(box.maxY, shape).toBeLessThanOrEqual(y! + height!);
      }
    },
  );
});
