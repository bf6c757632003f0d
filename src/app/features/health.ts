import { jsonPath } from '../../contract/content';
import type { HandlersFor, healthCalls } from '../../contract/contract';
import { type OrganisationLink, organisationLinkSchema } from '../../contract/health';
import type { AppContext } from '../context';

/**
 * Sites of the health sources Unhunch cites (src/core/content/citations.ts) that the
 * "About your health" page may open besides the organisation's own links. Anything
 * else is refused, so a compromised renderer cannot use the call to open arbitrary URLs.
 */
export const HEALTH_SOURCE_ORIGINS: readonly string[] = [
  'https://www.nhs.uk',
  'https://111.nhs.uk',
  'https://www.nhsinform.scot',
  'https://cks.nice.org.uk',
  'https://www.nice.org.uk',
  'https://www.hse.gov.uk',
  'https://www.osha.gov',
  'https://www.ccohs.ca',
  'https://my.clevelandclinic.org',
];

/** The policy's `links`: the valid ones, in order; each invalid one logged with its path. */
export function organisationLinks(ctx: AppContext): OrganisationLink[] {
  const links: OrganisationLink[] = [];
  for (const [index, raw] of (ctx.settings.policy()?.links ?? []).entries()) {
    const parsed = organisationLinkSchema.safeParse(raw);
    if (parsed.success) links.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        ctx.logger.warn(
          `policy link left out: ${jsonPath(['links', index, ...issue.path])}: ${issue.message}`,
        );
      }
    }
  }
  return links;
}

/** Whether `url` is one of the organisation's links or on a health source's site. */
export function mayOpenLink(url: string, links: readonly OrganisationLink[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') {
    return false;
  }
  return (
    links.some((link) => new URL(link.url).href === parsed.href) ||
    HEALTH_SOURCE_ORIGINS.includes(parsed.origin)
  );
}

export function healthHandlers(ctx: AppContext): HandlersFor<typeof healthCalls> {
  return {
    getOrganisationLinks: () => organisationLinks(ctx),
    openExternalLink: ({ url }) => {
      if (!mayOpenLink(url, organisationLinks(ctx))) {
        ctx.logger.warn(`refused to open a link that is not offered: ${url}`);
        return { ok: false, code: 'link-not-offered' };
      }
      if (!ctx.openExternal) {
        return { ok: false, code: 'links-unavailable', params: { url } };
      }
      ctx.openExternal(url);
      return { ok: true };
    },
  };
}
