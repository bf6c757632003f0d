import { type Command, Option } from 'commander';
import type { TFunction } from 'i18next';
import { type ResolvedExercise, resolveExercise } from '../../contract/content';
import { createTranslator } from '../../contract/i18n';
import { BREATHING_PATTERNS, breathingPatternKeys } from '../../core/content/breathing';
import { CHECKLIST_ITEMS, checklistItemKeys } from '../../core/content/checklist';
import { formatSources } from '../../core/content/citations';
import { EXERCISES } from '../../core/content/exercises';
import {
  RED_FLAG_GROUPS,
  RED_FLAG_STATEMENTS,
  RED_FLAG_VALUES,
  redFlagGroupKeys,
  redFlagSignKey,
} from '../../core/content/red-flags';
import {
  THERAPY_SAFETY_STEPS,
  therapySafetyValues,
  therapyStepKey,
} from '../../core/content/therapy-safety';
import { FALLBACK_LANGUAGE, LANGUAGES, type Language } from '../../core/locale/language';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';

/**
 * `unhunch content [--json]`: the whole built-in catalogue with its words resolved and
 * its sources, for reviewers, translators and IT admins. Each catalogue is a key of
 * the object: the checklist, red flags and breathing patterns join `exercises`.
 */
export interface ContentCatalogue {
  exercises: ResolvedExercise[];
  checklist: {
    id: string;
    area: string;
    question: string;
    why: string;
    fix: string;
    source: string;
  }[];
  redFlags: {
    urgency: string;
    title: string;
    action: string;
    signs: { id: string; text: string; source: string }[];
  }[];
  redFlagStatements: { text: string; source: string }[];
  breathing: {
    id: string;
    name: string;
    summary: string;
    phases: { kind: string; seconds: number }[];
    source: string;
  }[];
  therapySafety: {
    id: string;
    appliesTo: string[];
    alwaysShown: boolean;
    text: string;
    source: string;
  }[];
}

export function contentCatalogue(t: TFunction): ContentCatalogue {
  const health = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const therapyValues = therapySafetyValues(DEFAULT_SETTINGS.therapy);
  return {
    exercises: EXERCISES.map((exercise) => resolveExercise(t, exercise)),
    checklist: CHECKLIST_ITEMS.map((item) => {
      const keys = checklistItemKeys(item.id);
      return {
        id: item.id,
        area: item.area,
        question: t(keys.question, { ns: 'checklist' }),
        why: t(keys.why, { ns: 'checklist' }),
        fix: t(keys.fix, { ns: 'checklist' }),
        source: formatSources(item.source),
      };
    }),
    redFlags: RED_FLAG_GROUPS.map((group) => {
      const keys = redFlagGroupKeys(group.urgency);
      return {
        urgency: group.urgency,
        title: health(keys.title),
        action: health(keys.action),
        signs: group.signs.map((sign) => ({
          id: sign.id,
          text: health(redFlagSignKey(sign.id), RED_FLAG_VALUES),
          source: formatSources(sign.source),
        })),
      };
    }),
    redFlagStatements: RED_FLAG_STATEMENTS.map((statement) => ({
      text: health(statement.key),
      source: formatSources(statement.source),
    })),
    breathing: BREATHING_PATTERNS.map((pattern) => {
      const keys = breathingPatternKeys(pattern.id);
      return {
        id: pattern.id,
        name: health(keys.name),
        summary: health(keys.summary),
        phases: pattern.phases.map((phase) => ({ kind: phase.kind, seconds: phase.seconds })),
        source: formatSources(pattern.source),
      };
    }),
    therapySafety: THERAPY_SAFETY_STEPS.map((step) => ({
      id: step.id,
      appliesTo: [...step.appliesTo],
      alwaysShown: step.alwaysShown,
      text: health(therapyStepKey(step.id), therapyValues),
      source: formatSources(step.source),
    })),
  };
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
    ['ID', 'TITLE', 'TARGET', 'PLACE', 'BREAKS', 'DOSE', 'SOURCE'],
    ...exercises.map((exercise) => [
      exercise.id,
      exercise.title,
      exercise.targetLabel,
      exercise.place ?? '-',
      exercise.breakKinds.join('+') || '-',
      exercise.doseText,
      exercise.source,
    ]),
  ]);
}

export function registerContent(program: Command): Command {
  return program
    .command('content')
    .description('print the built-in content with its sources')
    .option(
      '--json',
      'print JSON: exercises, checklist, redFlags, breathing and therapySafety, with sources',
    )
    .addOption(
      new Option('--language <language>', 'the language of the words')
        .choices(LANGUAGES)
        .default(FALLBACK_LANGUAGE),
    )
    .action(async (options: { json?: boolean; language: Language }, command: Command) => {
      const { t } = await createTranslator(options.language);
      const catalogue = contentCatalogue(t);
      const { writeOut } = command.configureOutput();
      const write = writeOut ?? ((text: string) => process.stdout.write(text));
      if (options.json) {
        write(`${JSON.stringify(catalogue, null, 2)}\n`);
        return;
      }
      write(
        `${exercisesTable(catalogue.exercises)}\n\n` +
          `${catalogue.exercises.length} exercises, ${catalogue.checklist.length} checklist items, ` +
          `${catalogue.redFlags.reduce((n, g) => n + g.signs.length, 0)} red flags, ` +
          `${catalogue.breathing.length} breathing patterns, ${catalogue.therapySafety.length} heat/ice safety steps.\n` +
          'Everything with its words and sources: unhunch content --json\n',
      );
    });
}
