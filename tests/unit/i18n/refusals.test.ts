import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../locales/index';
import { createTranslator, refusalText } from '../../../src/contract/i18n';
import { REFUSAL_CODES } from '../../../src/contract/refusals';

/**
 * Every code a refused call can carry (REFUSAL_CODES, which the contract's schemas
 * accept and nothing else) has its own words in every language: `refusalText` never
 * falls back to the bare code, and no placeholder is left unfilled.
 */
describe('refusal codes', () => {
  for (const language of LANGUAGES) {
    it(`every refusal code has words in ${language}`, async () => {
      const { t } = await createTranslator(language);
      const params = {
        count: 2,
        max: 3,
        min: 1,
        minutes: 25,
        cap: 20,
        kind: 'heat',
        wait: '5 min',
        time: '17:00',
        paths: 'microBreak.every',
        path: 'pain',
        keys: 'colour',
        steps: 'wrap',
        id: 'x',
        url: 'https://example.org/',
        seconds: 90,
        micro: 30,
        type: 'PNG',
      };
      const missing = REFUSAL_CODES.filter((code) => {
        const text = refusalText(t, { code, params });
        return text === code || text.includes('{{') || text.trim() === '';
      });
      expect(missing).toEqual([]);
    });
  }

  it('German refusals are not the English words', async () => {
    const en = await createTranslator('en');
    const de = await createTranslator('de');
    const same = REFUSAL_CODES.filter(
      (code) =>
        refusalText(en.t, { code, params: { count: 2 } }) ===
        refusalText(de.t, { code, params: { count: 2 } }),
    );
    expect(same).toEqual([]);
  });
});
