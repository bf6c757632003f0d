/**
 * Where the words of the checklist, breathing, relaxation, red-flags and therapy-safety
 * content come from (docs/sources.md). A citation names the publisher and, where
 * docs/sources.md records one, the page or leaflet; `secondary` marks a claim seen quoted by
 * a third party rather than read at the source. Citations are bibliographic, not
 * prose, so they stay in the code and are not translated.
 */
export interface Citation {
  publisher: string;
  title?: string;
  secondary?: true;
}

/** Content always names at least one source. */
export type Sources = readonly [Citation, ...Citation[]];

export const CITATIONS = {
  oshaWorkstations: { publisher: 'OSHA', title: 'Computer Workstations eTool' },
  ccohs: { publisher: 'CCOHS' },
  hseDse: { publisher: 'HSE', title: 'Display screen equipment (DSE)' },
  cspViaTuc: {
    publisher: 'Chartered Society of Physiotherapy, via TUC Worksmart',
    secondary: true,
  },
  clevelandClinic: { publisher: 'Cleveland Clinic' },
  clevelandIce: { publisher: 'Cleveland Clinic', title: 'How long to ice an injury' },
  nhs: { publisher: 'NHS' },
  nhsInform: { publisher: 'NHS Inform' },
  // docs/sources.md records the 4·4·4·4 timing without a publisher: said plainly, once.
  boxBreathing: { publisher: 'Common practice', title: 'no primary source recorded' },
  weil: { publisher: 'Andrew Weil, MD' },
  mayoNewsNetwork: { publisher: 'Mayo Clinic News Network' },
  niceCks: { publisher: 'NICE CKS-based pathways' },
  cardiac: { publisher: 'Cardiac sources', secondary: true },
  mpftCold: { publisher: 'Midlands Partnership NHS FT', title: 'Safe use of cold treatment' },
  mpftHeat: { publisher: 'Midlands Partnership NHS FT', title: 'Safe use of heat treatment' },
  moveBetterGwent: { publisher: 'Move Better Gwent, NHS Wales' },
  blackpool: { publisher: 'Blackpool Teaching Hospitals NHS FT', title: 'Leaflet PL774' },
  mizzou: { publisher: 'University of Missouri Health', secondary: true },
  diabetesOt: { publisher: 'Diabetes occupational-therapy guidance', secondary: true },
  spineHealth: { publisher: 'Spine-health' },
  cochrane: { publisher: 'Cochrane', title: 'French et al. 2006' },
} as const satisfies Record<string, Citation>;

/** One line for a CLI or a tooltip: `OSHA, Computer Workstations eTool; HSE, …`. */
export function formatSources(sources: readonly Citation[]): string {
  return sources
    .map(
      (c) => `${c.publisher}${c.title ? `, ${c.title}` : ''}${c.secondary ? ' (secondary)' : ''}`,
    )
    .join('; ');
}
