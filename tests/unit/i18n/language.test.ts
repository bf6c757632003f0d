import { describe, expect, it } from 'vitest';
import { matchLanguage, normaliseTag, resolveLocale } from '../../../src/core/locale/language';

describe('the language Unhunch speaks', () => {
  it('takes the language of a regional tag', () => {
    expect(matchLanguage(['de-AT'])).toBe('de');
    expect(matchLanguage(['es-419'])).toBe('es');
    expect(matchLanguage(['en-GB'])).toBe('en');
  });

  it('falls back to English for a language it does not speak, or none at all', () => {
    expect(matchLanguage(['fr'])).toBe('en');
    expect(matchLanguage(['fr-FR', 'it'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
    expect(matchLanguage(['C', 'POSIX', ''])).toBe('en');
  });

  it('takes the most preferred language it speaks, not the first one listed', () => {
    expect(matchLanguage(['fr-FR', 'de-DE', 'es'])).toBe('de');
  });

  it('reads POSIX locale names as hosts report them', () => {
    expect(normaliseTag('de_AT.UTF-8')).toBe('de-AT');
    expect(normaliseTag('es_ES@euro')).toBe('es-ES');
    expect(matchLanguage(['es_MX.UTF-8'])).toBe('es');
  });

  it('follows the system unless the setting names a language', () => {
    expect(resolveLocale('system', ['de-AT']).language).toBe('de');
    expect(resolveLocale('es', ['de-AT'])).toMatchObject({
      language: 'es',
      systemLanguage: 'de',
      setting: 'es',
    });
    expect(resolveLocale('en', ['es-419']).language).toBe('en');
    expect(resolveLocale('system', ['fr']).language).toBe('en');
  });

  it('keeps the system region for dates and times when it is the language in use', () => {
    expect(resolveLocale('system', ['en-GB']).intlLocale).toBe('en-GB');
    expect(resolveLocale('system', ['de-AT', 'en']).intlLocale).toBe('de-AT');
    expect(resolveLocale('de', ['en-GB']).intlLocale).toBe('de');
    expect(resolveLocale('en', ['de-CH', 'en-IE']).intlLocale).toBe('en-IE');
  });
});
