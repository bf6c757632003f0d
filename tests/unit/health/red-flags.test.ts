import { describe, expect, it } from 'vitest';
import { organisationLinkSchema } from '../../../src/contract/health';
import {
  NEW_PAIN_OVER_AGE,
  NEW_PAIN_UNDER_AGE,
  NOT_IMPROVING_WEEKS,
  RED_FLAG_GROUPS,
  RED_FLAG_STATEMENTS,
} from '../../../src/core/content/red-flags';

const signsOf = (urgency: string) =>
  RED_FLAG_GROUPS.find((group) => group.urgency === urgency)?.signs.map((sign) => sign.id) ?? [];

describe('red flags', () => {
  it('lists the emergency signs, heart attack and aortic dissection included', () => {
    expect(signsOf('emergency')).toEqual([
      'both-legs',
      'saddle-numbness',
      'bladder-bowel',
      'chest-pain',
      'serious-accident',
      'between-shoulder-blades-cardiac',
    ]);
  });

  it('lists the signs that need an urgent appointment, the seed text’s included', () => {
    expect(signsOf('urgent')).toEqual(
      expect.arrayContaining([
        'fever',
        'weight-loss',
        'lump-or-shape-change',
        'not-better-with-rest-or-night',
        'cough-sneeze',
        'radiating-tingling-numbness',
        'limbs-numb-or-weak',
        'sudden-severe-after-injury',
        'new-pain-age',
        'cancer-history',
        'generally-unwell',
      ]),
    );
  });

  it('says when to see a GP or physio, with the conservative thresholds', () => {
    expect(signsOf('see-gp-or-physio')).toEqual([
      'not-improving',
      'getting-worse',
      'stops-daily-activities',
    ]);
    expect(NOT_IMPROVING_WEEKS).toBe(2);
    expect(NEW_PAIN_UNDER_AGE).toBe(20);
    expect(NEW_PAIN_OVER_AGE).toBe(50);
  });

  it('orders the groups from most to least urgent and cites every sign', () => {
    expect(RED_FLAG_GROUPS.map((group) => group.urgency)).toEqual([
      'emergency',
      'urgent',
      'see-gp-or-physio',
    ]);
    const ids = RED_FLAG_GROUPS.flatMap((group) => group.signs.map((sign) => sign.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const group of RED_FLAG_GROUPS) {
      for (const sign of group.signs) expect(sign.source.length).toBeGreaterThan(0);
    }
    const cardiac = RED_FLAG_GROUPS[0].signs.find(
      (s) => s.id === 'between-shoulder-blades-cardiac',
    );
    expect(cardiac?.source.every((c) => 'secondary' in c && c.secondary)).toBe(true);
  });

  it('always states that upper back pain deserves a look and that Unhunch gives no diagnosis', () => {
    expect(RED_FLAG_STATEMENTS.map((s) => s.key)).toEqual([
      'redFlags.statements.upperBack',
      'redFlags.statements.noDiagnosis',
    ]);
  });
});

describe('organisation link', () => {
  it('accepts an https link with a short label', () => {
    const link = { label: 'Book a physio (OH service)', url: 'https://oh.example.com/physio' };
    expect(organisationLinkSchema.parse(link)).toEqual(link);
  });

  it.each([
    ['http://oh.example.com', 'url'],
    ['javascript:alert(1)', 'url'],
    ['file:///etc/passwd', 'url'],
    ['oh.example.com', 'url'],
  ])('refuses %s, naming the url', (url, path) => {
    const result = organisationLinkSchema.safeParse({ label: 'Physio', url });
    expect(result.error?.issues[0]?.path).toEqual([path]);
  });

  it('refuses an empty or an over-long label', () => {
    const url = 'https://oh.example.com';
    expect(organisationLinkSchema.safeParse({ label: ' ', url }).error?.issues[0]?.path).toEqual([
      'label',
    ]);
    expect(organisationLinkSchema.safeParse({ label: 'x'.repeat(81), url }).success).toBe(false);
    expect(organisationLinkSchema.safeParse({ label: 'x'.repeat(80), url }).success).toBe(true);
  });
});
