import { describe, expect, it } from 'vitest';
import { ALL_RESOURCES } from '../../../locales/all';
import {
  CORE_NAMESPACES,
  LANGUAGES,
  loadLanguage,
  loadLanguagePart,
  NAMESPACES,
} from '../../../locales/index';
import {
  createPagedTranslator,
  createTranslator,
  formatCountdown,
} from '../../../src/contract/i18n';
import type { Language } from '../../../src/core/locale/language';

const ENGLISH = ALL_RESOURCES.en;

/**
 * Every language has exactly the words English has: the same keys in every namespace
 * (plural keys in the forms the language's Intl.PluralRules asks for), the same
 * {{placeholders}}, and no string left empty or in English.
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const OTHER_LANGUAGES = LANGUAGES.filter((language) => language !== 'en');

type Leaves = Map<string, string>;

function leaves(value: unknown, prefix = '', into: Leaves = new Map()): Leaves {
  if (typeof value === 'string') into.set(prefix, value);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, prefix ? `${prefix}.${key}` : key, into);
    }
  } else into.set(prefix, `<${typeof value}>`);
  return into;
}

/** "breathing.secondsLeft" for "breathing.secondsLeft_other", when English has the _other form. */
function pluralBase(key: string, english: Leaves): string | null {
  if (!PLURAL_SUFFIX.test(key)) return null;
  const base = key.replace(PLURAL_SUFFIX, '');
  return english.has(`${base}_other`) ? base : null;
}

function pluralCategories(language: string): string[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories;
}

/** The keys a language must have, from English's: plural groups in that language's forms. */
function expectedKeys(english: Leaves, language: string): Set<string> {
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const base = pluralBase(key, english);
    if (base === null) keys.add(key);
    else for (const category of pluralCategories(language)) keys.add(`${base}_${category}`);
  }
  return keys;
}

/** Words outside the placeholders: "{{kind}}: {{title}}." has none to translate. */
const wordsOf = (text: string) =>
  text.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}{2,}/gu)?.length ?? 0;

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*-?\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]!).sort();

describe.each(OTHER_LANGUAGES)('the %s words', (language) => {
  it('has every namespace', () => {
    expect(Object.keys(ALL_RESOURCES[language]).sort()).toEqual([...NAMESPACES].sort());
  });

  it.each([...NAMESPACES])('%s: exactly the keys of English, with its plural forms', (ns) => {
    const english = leaves(ENGLISH[ns]);
    const own = leaves(ALL_RESOURCES[language][ns]);
    const expected = expectedKeys(english, language);
    const missing = [...expected].filter((key) => !own.has(key));
    const extra = [...own.keys()].filter((key) => !expected.has(key));
    expect({ missing, extra }, `${language}/${ns}.json against en/${ns}.json`).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each([...NAMESPACES])('%s: the same placeholders as English, key by key', (ns) => {
    const english = leaves(ENGLISH[ns]);
    const wrong: string[] = [];
    for (const [key, text] of leaves(ALL_RESOURCES[language][ns])) {
      const base = pluralBase(key, english);
      // A plural form may leave the count unsaid ("einmal"); every other value must be there.
      // English's own form of that category where it has one ("one"), else its "other".
      const source = english.get(key) ?? (base === null ? undefined : english.get(`${base}_other`));
      if (source === undefined) continue;
      const want = placeholders(source).filter((name) => base === null || name !== 'count');
      const have = placeholders(text).filter((name) => base === null || name !== 'count');
      if (JSON.stringify(want) !== JSON.stringify(have)) {
        wrong.push(`${key}: ${JSON.stringify(have)} instead of ${JSON.stringify(want)}`);
      }
    }
    expect(wrong, `${language}/${ns}.json placeholders`).toEqual([]);
  });

  it.each([...NAMESPACES])('%s: every value is words, not left in English', (ns) => {
    const english = leaves(ENGLISH[ns]);
    const own = leaves(ALL_RESOURCES[language][ns]);
    const empty = [...own].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty, `${language}/${ns}.json empty values`).toEqual([]);
    // Names (Unhunch, English, Zoom) stay as they are; whole sentences must not.
    const untranslated = [...own]
      .filter(([key, text]) => english.get(key) === text && wordsOf(text) > 2)
      .map(([key]) => key);
    expect(untranslated, `${language}/${ns}.json still in English`).toEqual([]);
  });
});

describe('plurals through Intl.PluralRules', () => {
  it('asks German for one/other and Spanish for one/many/other', () => {
    expect(pluralCategories('de')).toEqual(['one', 'other']);
    expect(pluralCategories('es')).toEqual(['one', 'many', 'other']);
  });

  it('gives each count its own form, never an English fallback', async () => {
    const de = await createTranslator('de');
    const es = await createTranslator('es');
    expect(de.t('duration.minutes', { count: 1 })).toBe('1 Minute');
    expect(de.t('duration.minutes', { count: 5 })).toBe('5 Minuten');
    expect(es.t('duration.minutes', { count: 1 })).toBe('1 minuto');
    expect(es.t('duration.minutes', { count: 5 })).toBe('5 minutos');
    // Spanish "many" (a million): still Spanish.
    expect(es.t('duration.minutes', { count: 1_000_000 })).toBe('1000000 minutos');
  });

  it.each([
    ['en', ['less than a minute', '1 minute', '59 minutes', '1 hour', '1 h 5 min', '3 hours']],
    [
      'de',
      [
        'weniger als einer Minute',
        '1 Minute',
        '59 Minuten',
        '1 Stunde',
        '1 Std. 5 Min.',
        '3 Stunden',
      ],
    ],
    ['es', ['menos de un minuto', '1 minuto', '59 minutos', '1 hora', '1 h 5 min', '3 horas']],
  ] as [Language, string[]][])('a countdown reads in %s', async (language, expected) => {
    const { t } = await createTranslator(language);
    const minutes = [0.5, 1, 59, 60, 65, 180];
    expect(minutes.map((m) => formatCountdown(t, m * 60_000))).toEqual(expected);
  });
});

describe('the German words speak to the person as "du", as the whole app does', () => {
  // Sie, Ihr, Ihnen as address: "Ihr…"/"Ihnen" anywhere, "Sie" other than first in a
  // sentence (where it is "she", "it" or "they": "Sie kann nicht noch einmal verschoben werden").
  const FORMAL = /\b(Ihnen|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres)\b|(?<![.!?:]\s|^|„)\bSie\b/u;

  it.each([...NAMESPACES])('%s', (ns) => {
    const formal = [...leaves(ALL_RESOURCES.de[ns])].filter(([, text]) => FORMAL.test(text));
    expect(formal.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});

describe('loading a language', () => {
  it("loads each language whole, in two parts: the break window's words, then the rest", async () => {
    expect(await loadLanguage('en')).toEqual(ENGLISH);
    for (const language of [...OTHER_LANGUAGES, 'en' as const]) {
      expect(await loadLanguage(language)).toEqual(ALL_RESOURCES[language]);
      const core = await loadLanguagePart(language, 'core');
      const more = await loadLanguagePart(language, 'more');
      expect(Object.keys(core).sort()).toEqual([...CORE_NAMESPACES].sort());
      // Every namespace is in exactly one part.
      expect([...Object.keys(core), ...Object.keys(more)].sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it('a page other than the break draws in every word once the rest is loaded', async () => {
    const { t, loadMore } = await createPagedTranslator('de');
    expect(t('breaks:break.label')).not.toBe('break.label');
    expect(t('settings:nav')).toBe('nav');
    await loadMore();
    expect(t('settings:nav')).toBe('Einstellungen');
  });

  it('takes a regional tag and falls back to English for a language it does not speak', async () => {
    expect((await createTranslator('de-AT')).language).toBe('de');
    expect((await createTranslator('es-419')).t('nav.status')).toBe('Estado');
    expect((await createTranslator('fr-FR')).t('nav.status')).toBe('Status');
  });
});
