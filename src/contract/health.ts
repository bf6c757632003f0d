import { z } from 'zod';

/**
 * A link an organisation adds by policy to its own physiotherapy or
 * occupational-health service, shown on the red-flags page. https only: the page is
 * opened from a health panel and must not downgrade to plain http or run a script URL.
 */
export const organisationLinkSchema = z.strictObject({
  label: z.string().trim().min(1).max(80),
  url: z.url({
    protocol: /^https$/,
    hostname: z.regexes.domain,
    error: 'use a full https:// address, e.g. https://intranet.example.com/physio',
  }),
});
export type OrganisationLink = z.infer<typeof organisationLinkSchema>;

export const organisationLinksSchema = z.array(organisationLinkSchema).max(10);
