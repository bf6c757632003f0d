import type { TFunction } from 'i18next';
import type { UnhunchApi } from '../../../src/contract/contract';

/**
 * The pages of the UI. Each is loaded on demand (its own chunk) so a page pays only
 * for its own code. To add a page: a file in this folder exporting `mount`, a line
 * here, and `nav.<id>` in locales/en/common.json.
 */
export interface PageContext {
  api: UnhunchApi;
  t: TFunction;
  language: string;
  /** Go to another page, e.g. from a link on a page. */
  navigate(page: PageId): void;
}

export interface MountedPage {
  unmount?(): void;
  setConnected?(connected: boolean): void;
}

export type PageModule = { mount(root: HTMLElement, context: PageContext): MountedPage };

export const PAGES = {
  status: () => import('./status'),
} satisfies Record<string, () => Promise<PageModule>>;

export type PageId = keyof typeof PAGES;
export const DEFAULT_PAGE: PageId = 'status';

export function isPageId(value: string): value is PageId {
  return Object.hasOwn(PAGES, value);
}
