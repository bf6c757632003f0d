import type { TFunction } from 'i18next';
import type { UnhunchApi } from '../../../src/contract/contract';

/**
 * The pages of the UI. Each is loaded on demand (its own chunk) so a page pays only
 * for its own code. To add a page: a file in this folder exporting `mount`, and an
 * entry here naming its loader and the locale key of its navigation label
 * (`namespace:key`, in the page's own namespace file under locales/en/).
 */
export interface PageContext {
  api: UnhunchApi;
  t: TFunction;
  /** The BCP 47 tag for Intl dates, times and numbers (de, en-GB); `t` has the words. */
  language: string;
  /** Go to another page, e.g. from a link on a page. */
  navigate(page: PageId): void;
}

export interface MountedPage {
  unmount?(): void;
  setConnected?(connected: boolean): void;
}

export type PageModule = { mount(root: HTMLElement, context: PageContext): MountedPage };

export interface PageEntry {
  load: () => Promise<PageModule>;
  /** i18next key of the navigation label, e.g. 'common:nav.status'. */
  label: string;
  /** Pages reached from elsewhere (a break, a link) rather than from the navigation. */
  hidden?: boolean;
}

export const PAGES = {
  status: { load: () => import('./status'), label: 'common:nav.status' },
  exercises: { load: () => import('./exercises'), label: 'breaks:nav.exercises' },
  break: { load: () => import('./break'), label: 'breaks:break.label', hidden: true },
  checklist: { load: () => import('./checklist'), label: 'checklist:ui.nav' },
  breathing: { load: () => import('./breathing'), label: 'health:nav.breathing' },
  'core-routine': { load: () => import('./core-routine'), label: 'health:nav.coreRoutine' },
  health: { load: () => import('./health'), label: 'health:nav.health' },
  therapy: { load: () => import('./therapy'), label: 'therapy:nav' },
  stats: { load: () => import('./stats'), label: 'stats:nav' },
  settings: { load: () => import('./settings'), label: 'settings:nav' },
  checkin: { load: () => import('./checkin'), label: 'checkin:nav', hidden: true },
  'checkin-summary': {
    load: () => import('./checkin-summary'),
    label: 'checkin:summary.heading',
    hidden: true,
  },
  welcome: { load: () => import('./welcome'), label: 'common:welcome.heading', hidden: true },
} satisfies Record<string, PageEntry>;

export type PageId = keyof typeof PAGES;
export const DEFAULT_PAGE: PageId = 'status';

export function isPageId(value: string): value is PageId {
  return Object.hasOwn(PAGES, value);
}
