import { z } from 'zod';
import { organisationLinkSchema } from '../health';
import { actionResultSchema, noInput } from './common';

/**
 * "About your health": the organisation's own links (physiotherapy, occupational
 * health) from its policy, and opening a link in the person's browser. Only https
 * addresses the page can show are opened: an organisation link or a health source.
 */
export const openExternalLinkSchema = z.strictObject({
  url: z.url({
    protocol: /^https$/,
    hostname: z.regexes.domain,
    error: 'only full https:// addresses can be opened',
  }),
});

export const healthCalls = {
  getOrganisationLinks: { input: noInput, output: z.array(organisationLinkSchema) },
  openExternalLink: { input: openExternalLinkSchema, output: actionResultSchema },
} as const;
