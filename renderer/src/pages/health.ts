import { html } from 'lit-html';
import {
  type Citation,
  RED_FLAG_GROUPS,
  RED_FLAG_STATEMENTS,
  RED_FLAG_VALUES,
  redFlagGroupKeys,
  redFlagSignKey,
} from '../../../src/contract/guides';
import type { OrganisationLink } from '../../../src/contract/health';
import { refusalText } from '../../../src/contract/i18n';
import { litRoot } from '../lit-root';
import { formatCitation } from '../sources';
import type { MountedPage, PageContext } from './index';

/**
 * "About your health": the warning signs that need a doctor, grouped by how fast to
 * act, the statement that Unhunch gives no diagnosis, the organisation's own links
 * and the sources. Unhunch lists the signs; it never asks about them.
 */

/** Every source once, in the order the page first cites it. */
function citedSources(): Citation[] {
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
  return [...citations.values()];
}

export function mount(root: HTMLElement, { api, t }: PageContext): MountedPage {
  const out = litRoot(root);
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const [upperBack, noDiagnosis] = RED_FLAG_STATEMENTS;
  const sources = citedSources();
  let links: readonly OrganisationLink[] = [];
  let linksError = '';

  const open = async (link: OrganisationLink) => {
    linksError = '';
    try {
      const result = await api.call('openExternalLink', { url: link.url });
      if (!result.ok) linksError = th('redFlags.openFailed', { reason: refusalText(t, result) });
    } catch (failure) {
      linksError = th('redFlags.openFailed', { reason: (failure as Error).message });
    }
    draw();
  };

  const groups = () =>
    RED_FLAG_GROUPS.map((group) => {
      const keys = redFlagGroupKeys(group.urgency);
      const id = `red-flags-${group.urgency}`;
      return html`
        <section class=${`card red-flag-group urgency-${group.urgency}`}
          aria-labelledby=${`${id}-heading`} data-testid=${id}>
          <h3 id=${`${id}-heading`}>${th(keys.title)}</h3>
          <p>${th(keys.action)}</p>
          <ul>
            ${group.signs.map(
              (sign) =>
                html`<li data-testid=${`sign-${sign.id}`}>${th(redFlagSignKey(sign.id), RED_FLAG_VALUES)}</li>`,
            )}
          </ul>
        </section>`;
    });

  const draw = () =>
    out.draw(html`
      <section class="card" aria-labelledby="health-heading">
        <h2 id="health-heading">${th('about.title')}</h2>
        <p>${th('about.intro')}</p>
        <div class="statement no-diagnosis" role="note" data-testid="no-diagnosis">
          <strong>${th('about.noDiagnosisHeading')}</strong>
          <p>${th(noDiagnosis.key)}</p>
        </div>
      </section>
      <section class="red-flags" aria-labelledby="red-flags-heading">
        <div class="card">
          <h2 id="red-flags-heading">${th('redFlags.title')}</h2>
          <p>${th('redFlags.intro')}</p>
        </div>
        ${groups()}
        <div class="card">
          <p class="statement" data-testid="upper-back-statement">${th(upperBack.key)}</p>
          <p>${th('about.seeAlso')} <a href="#breathing">${th('about.breathingLink')}</a></p>
        </div>
      </section>
      <section class="card" aria-labelledby="organisation-links-heading" ?hidden=${links.length === 0}>
        <h2 id="organisation-links-heading">${th('redFlags.organisationLinks')}</h2>
        <div class="organisation-links" data-testid="organisation-links">
          ${links.map(
            (link) => html`<button type="button" @click=${() => open(link)}>${link.label}</button>`,
          )}
        </div>
        <p class="error" role="alert" data-testid="links-error">${linksError}</p>
      </section>
      <section class="card muted" aria-labelledby="health-sources-heading">
        <h2 id="health-sources-heading">${th('sources.heading')}</h2>
        <p>${th('sources.intro')}</p>
        <ul data-testid="health-sources">
          ${sources.map((c) => html`<li>${formatCitation(t, c, 'health:sources.secondary')}</li>`)}
        </ul>
      </section>`);

  void api.call('getOrganisationLinks').then((list) => {
    links = list;
    draw();
  });
  draw();
  root.setAttribute('aria-busy', 'false');

  return { unmount: () => out.clear() };
}
