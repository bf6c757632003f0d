import type { TFunction } from 'i18next';

/** A citation as content carries it (src/core/content/citations.ts). */
export interface CitationLike {
  publisher: string;
  title?: string;
  secondary?: true;
}

/**
 * "OSHA, Computer Workstations eTool; HSE, …": a citation list in one line, a
 * second-hand one marked in the page's words (`secondaryKey`, with `{{source}}`).
 */
export function formatCitations(
  t: TFunction,
  citations: readonly CitationLike[],
  secondaryKey: string,
): string {
  return citations.map((citation) => formatCitation(t, citation, secondaryKey)).join('; ');
}

export function formatCitation(t: TFunction, citation: CitationLike, secondaryKey: string): string {
  const source = citation.title ? `${citation.publisher}, ${citation.title}` : citation.publisher;
  return citation.secondary ? t(secondaryKey, { source }) : source;
}
