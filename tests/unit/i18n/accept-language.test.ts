import { describe, expect, it } from 'vitest';
import { acceptedLanguages, environmentLanguages } from '../../../src/web/accept-language';

describe("the browser's languages, for the web host", () => {
  it('lists them most preferred first, by quality then by order', () => {
    expect(acceptedLanguages('de-AT,de;q=0.9,en;q=0.8')).toEqual(['de-AT', 'de', 'en']);
    expect(acceptedLanguages('en;q=0.5, es-419 , fr;q=0.9')).toEqual(['es-419', 'fr', 'en']);
  });

  it('drops the wildcard, refused languages and nothing at all', () => {
    expect(acceptedLanguages('*;q=0.1, es;q=0, de')).toEqual(['de']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
  });

  it('reads a POSIX host’s locale variables when no browser has asked yet', () => {
    expect(environmentLanguages({ LANG: 'de_DE.UTF-8', LANGUAGE: 'de:en' })).toEqual([
      'de_DE.UTF-8',
      'de',
      'en',
    ]);
    expect(environmentLanguages({ LC_ALL: 'es_ES.UTF-8', LANG: 'C' })).toEqual(['es_ES.UTF-8']);
    expect(environmentLanguages({})).toEqual([]);
  });
});
