import {
  type Citation,
  RED_FLAG_GROUPS,
  RED_FLAG_STATEMENTS,
  RED_FLAG_VALUES,
  redFlagGroupKeys,
  redFlagSignKey,
} from '../../../src/contract/guides';
import { refusalText } from '../../../src/contract/i18n';

import { el } from '../dom';
import { formatCitation } from '../sources';
import type { MountedPage, PageContext } from './index';

/**
 * "About your health": the warning signs that need a doctor, grouped by how fast to
 * act, the statement that Unhunch gives no diagnosis, the organisation's own links
 * and the sources. Unhunch lists the signs; it never asks about them.
 */
export function mount(root: HTMLElement, { api, t }: PageContext): MountedPage {
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const [upperBack, noDiagnosis] = RED_FLAG_STATEMENTS;

  const groups = RED_FLAG_GROUPS.map((group) => {
    const keys = redFlagGroupKeys(group.urgency);
    const id = `red-flags-${group.urgency}`;
    return el(
      'section',
      {
        class: `card red-flag-group urgency-${group.urgency}`,
        'aria-labelledby': `${id}-heading`,
        'data-testid': id,
      },
      el('h3', { id: `${id}-heading` }, th(keys.title)),
      el('p', {}, th(keys.action)),
      el(
        'ul',
        {},
        ...group.signs.map((sign) =>
          el(
            'li',
            { 'data-testid': `sign-${sign.id}` },
            th(redFlagSignKey(sign.id), RED_FLAG_VALUES),
          ),
        ),
      ),
    );
  });

  const linksError = el('p', { class: 'error', role: 'alert', 'data-testid': 'links-error' });
  const linkList = el('div', { class: 'organisation-links', 'data-testid': 'organisation-links' });
  const linksSection = el(
    'section',
    { class: 'card', 'aria-labelledby': 'organisation-links-heading', hidden: '' },
    el('h2', { id: 'organisation-links-heading' }, th('redFlags.organisationLinks')),
    linkList,
    linksError,
  );

  // Every source once, in the order the page first cites it.
  const citations = new Map<string, Citation>();
  const cited: { source: readonly Citation[] }[] = [
    ...RED_FLAG_GROUPS.flatMap((group): { source: readonly Citation[] }[] => [...group.signs]),
    ...RED_FLAG_STATEMENTS,
  ];
  for (const item of cited) {
    for (const citation of item.source) {
      citations.set(`${citation.publisher}|${citation.title ?? ''}`, citation);
    }
  }

  root.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'health-heading' },
      el('h2', { id: 'health-heading' }, th('about.title')),
      el('p', {}, th('about.intro')),
      el(
        'div',
        { class: 'statement no-diagnosis', role: 'note', 'data-testid': 'no-diagnosis' },
        el('strong', {}, th('about.noDiagnosisHeading')),
        el('p', {}, th(noDiagnosis.key)),
      ),
    ),
    el(
      'section',
      { class: 'red-flags', 'aria-labelledby': 'red-flags-heading' },
      el(
        'div',
        { class: 'card' },
        el('h2', { id: 'red-flags-heading' }, th('redFlags.title')),
        el('p', {}, th('redFlags.intro')),
      ),
      ...groups,
      el(
        'div',
        { class: 'card' },
        el('p', { class: 'statement', 'data-testid': 'upper-back-statement' }, th(upperBack.key)),
        el(
          'p',
          {},
          `${th('about.seeAlso')} `,
          el('a', { href: '#breathing' }, th('about.breathingLink')),
        ),
      ),
    ),
    linksSection,
    el(
      'section',
      { class: 'card muted', 'aria-labelledby': 'health-sources-heading' },
      el('h2', { id: 'health-sources-heading' }, th('sources.heading')),
      el('p', {}, th('sources.intro')),
      el(
        'ul',
        { 'data-testid': 'health-sources' },
        ...[...citations.values()].map((c) =>
          el('li', {}, formatCitation(t, c, 'health:sources.secondary')),
        ),
      ),
    ),
  );

  void api.call('getOrganisationLinks').then((links) => {
    linkList.replaceChildren(
      ...links.map((link) => {
        const button = el('button', { type: 'button' }, link.label);
        button.addEventListener('click', async () => {
          linksError.textContent = '';
          try {
            const result = await api.call('openExternalLink', { url: link.url });
            if (!result.ok)
              linksError.textContent = th('redFlags.openFailed', {
                reason: refusalText(t, result),
              });
          } catch (failure) {
            linksError.textContent = th('redFlags.openFailed', {
              reason: (failure as Error).message,
            });
          }
        });
        return button;
      }),
    );
    linksSection.hidden = links.length === 0;
  });
  root.setAttribute('aria-busy', 'false');

  return {};
}
