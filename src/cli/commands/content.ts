import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import { type ResolvedExercise, resolveExercise } from '../../contract/content';
import { createTranslator } from '../../contract/i18n';
import { EXERCISES } from '../../core/content/exercises';

/**
 * `unhunch content [--json]`: the whole built-in catalogue with its words resolved and
 * its sources, for reviewers, translators and IT admins. Each catalogue is a key of
 * the object: the checklist, red flags and breathing patterns join `exercises`.
 */
export interface ContentCatalogue {
  exercises: ResolvedExercise[];
}

export function contentCatalogue(t: TFunction): ContentCatalogue {
  return { exercises: EXERCISES.map((exercise) => resolveExercise(t, exercise)) };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join('  '),
    )
    .join('\n');
}

export function exercisesTable(exercises: readonly ResolvedExercise[]): string {
  return table([
    ['ID', 'TITLE', 'TARGET', 'BREAKS', 'DOSE', 'SOURCE'],
    ...exercises.map((exercise) => [
      exercise.id,
      exercise.title,
      exercise.targetLabel,
      exercise.breakKinds.join('+'),
      exercise.doseText,
      exercise.source,
    ]),
  ]);
}

export function registerContent(program: Command): Command {
  return program
    .command('content')
    .description('print the built-in content (exercises) with its sources')
    .option('--json', 'print JSON: { "exercises": [...] } with steps, safety cues and sources')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { t } = await createTranslator('en');
      const catalogue = contentCatalogue(t);
      const { writeOut } = command.configureOutput();
      const write = writeOut ?? ((text: string) => process.stdout.write(text));
      if (options.json) {
        write(`${JSON.stringify(catalogue, null, 2)}\n`);
        return;
      }
      write(
        `${exercisesTable(catalogue.exercises)}\n\n` +
          `${catalogue.exercises.length} exercises. Steps, safety cues and reasons: unhunch content --json\n`,
      );
    });
}
