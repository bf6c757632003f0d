import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerContent } from '../../../src/cli/commands/content';
import { resolvedExerciseSchema } from '../../../src/contract/content';
import { EXERCISES } from '../../../src/core/content/exercises';

async function run(args: string[]): Promise<string> {
  let out = '';
  const program = new Command('unhunch')
    .exitOverride()
    .configureOutput({ writeOut: (text) => (out += text), writeErr: () => {} });
  registerContent(program);
  await program.parseAsync(args, { from: 'user' });
  return out;
}

describe('unhunch content', () => {
  it('--json prints every exercise with its words resolved and its source', async () => {
    const printed = JSON.parse(await run(['content', '--json'])) as { exercises: unknown[] };
    expect(Object.keys(printed)).toEqual([
      'exercises',
      'checklist',
      'redFlags',
      'redFlagStatements',
      'breathing',
      'therapySafety',
    ]);
    expect(printed.exercises).toHaveLength(EXERCISES.length);
    printed.exercises.forEach((item, index) => {
      const exercise = resolvedExerciseSchema.parse(item);
      const definition = EXERCISES[index]!;
      expect(exercise.id).toBe(definition.id);
      expect(exercise.source).toBe(definition.source);
      expect(exercise.illustration).toBe(`${definition.id}.svg`);
      expect(exercise.dose).toEqual(definition.dose);
      expect(exercise.place).toBe(definition.place);
      expect(exercise.steps).toHaveLength(definition.stepCount);
      for (const text of [exercise.title, exercise.safety, exercise.why, ...exercise.steps]) {
        expect(text).not.toMatch(new RegExp(`^${definition.id}\\.`));
      }
    });
    const chinTuck = printed.exercises.find((e) => (e as { id: string }).id === 'chin-tuck');
    expect(chinTuck).toMatchObject({
      title: 'Chin tuck',
      source: 'Leeds Community Healthcare NHS',
      doseText: 'Hold 5 seconds, 10 times',
      breakKinds: ['long'],
    });
  });

  it('--language prints the words in German or Spanish, with the same sources', async () => {
    const german = JSON.parse(await run(['content', '--json', '--language', 'de'])) as {
      exercises: { id: string; title: string; doseText: string; source: string }[];
    };
    expect(german.exercises.find((e) => e.id === 'chin-tuck')).toMatchObject({
      title: 'Doppelkinn machen',
      doseText: '5 Sekunden halten, 10-mal',
      source: 'Leeds Community Healthcare NHS',
    });
    const spanish = await run(['content', '--language', 'es']);
    expect(spanish).toContain('Retracción de barbilla');
    await expect(run(['content', '--language', 'fr'])).rejects.toThrow(
      /Allowed choices are en, de, es/,
    );
  });

  it('without --json prints a table naming every exercise and its source', async () => {
    const printed = await run(['content']);
    const lines = printed.split('\n');
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+TARGET\s+PLACE\s+BREAKS\s+DOSE\s+SOURCE$/);
    for (const exercise of EXERCISES) {
      const row = lines.find((line) => line.startsWith(`${exercise.id} `));
      expect(row, exercise.id).toBeDefined();
      expect(row).toContain(exercise.source);
      expect(row).toMatch(new RegExp(`\\s${exercise.place}\\s`));
    }
    expect(printed).toContain(`${EXERCISES.length} exercises,`);
  });
});
