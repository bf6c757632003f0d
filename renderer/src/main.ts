import { createPagedTranslator } from '../../src/contract/i18n';
import { connect } from './bridge';
import { showCheckinDueBanner } from './checkin-due';
import { showChecklistDueBanner } from './checklist-due';
import { el } from './dom';
import { askLocale, followLocale } from './locale';
import {
  DEFAULT_PAGE,
  isPageId,
  type MountedPage,
  PAGES,
  type PageEntry,
  type PageId,
} from './pages/index';
import { followTheme } from './theme';
import { welcomeSeen } from './welcome-seen';

/** The shell: header, navigation between pages (by URL hash), and the page outlet. */
async function start() {
  let connected = true;
  let page: MountedPage | undefined;
  let checkLocale: (() => void) | undefined;
  // The preload defines `window.unhunch` before any script runs; the browser bridge sets it later.
  const inElectron = window.unhunch !== undefined;
  const api = connect((isConnected) => {
    connected = isConnected;
    page?.setConnected?.(isConnected);
    if (isConnected) checkLocale?.();
  });

  // Only the language in use is loaded, and at first only the words a break window needs;
  // any other page loads the rest of them before it is drawn (locales/index.ts).
  const locale = await askLocale(api);
  const { t, loadMore } = await createPagedTranslator(locale.language);
  const language = locale.intlLocale;
  document.documentElement.lang = locale.language;
  document.title = t('app.name');
  const onLocale = followLocale(api, locale);
  // Back in touch with the app (or in touch for the first time): is it still this language?
  checkLocale = () => void api.call('getLocale').then(onLocale, () => {});

  const root = document.getElementById('app')!;
  const nav = el('nav', { 'aria-label': t('nav.label') });
  const outlet = el('div', { id: 'page' });
  root.append(
    el('header', {}, el('h1', {}, t('app.name')), el('p', { class: 'tagline' }, t('app.tagline'))),
    nav,
    outlet,
  );
  const links = new Map<PageId, HTMLAnchorElement>();
  followTheme(api);
  // The navigation and the reminders name every page: drawn once all the words are here
  // (a break window, which hides them, never needs them).
  let fullShell: Promise<void> | undefined;
  const drawFullShell = () => {
    fullShell ??= drawNavigation();
    return fullShell;
  };
  const drawNavigation = async () => {
    await loadMore();
    for (const id of Object.keys(PAGES) as PageId[]) {
      const entry: PageEntry = PAGES[id];
      if (entry.hidden) continue;
      const link = el('a', { href: `#${id}`, 'data-testid': `nav-${id}` }, t(entry.label));
      links.set(id, link);
      nav.append(link);
    }
    showChecklistDueBanner(nav, api, t);
    showCheckinDueBanner(nav, api, t);
  };

  // Navigations can overlap (a break starts while a page is still loading): only the
  // latest one mounts its page, so the outlet never holds two.
  let latest = 0;
  const show = async () => {
    const navigation = ++latest;
    // A new user starts at the welcome, once.
    const wanted = location.hash.slice(1) || (welcomeSeen() ? '' : 'welcome');
    const id: PageId = isPageId(wanted) ? wanted : DEFAULT_PAGE;
    if (id !== 'break') await drawFullShell();
    const module = await PAGES[id].load();
    if (navigation !== latest) return;
    page?.unmount?.();
    outlet.replaceChildren();
    for (const [linkId, link] of links) {
      if (linkId === id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    page = module.mount(outlet, { api, t, language, navigate: (to) => (location.hash = to) });
    page.setConnected?.(connected);
  };
  // Electron shows a break in windows of its own (src/main/break-windows.ts); a browser shows it here.
  if (!inElectron) {
    api.on('break', (shown) => {
      if (shown.phase === 'start') location.hash = 'break';
    });
  }
  window.addEventListener('hashchange', () => {
    void show().then(() => focusPageHeading(outlet));
  });
  await show();
  // The shell is up; each page says for itself when it is still loading (#page).
  root.removeAttribute('aria-busy');
}

/**
 * After navigation the screen reader starts at the page's heading, and the view stays
 * where it was: the header and navigation do not scroll out of sight, and no ring is
 * drawn around the whole page (controls keep theirs).
 */
export function focusPageHeading(outlet: HTMLElement): void {
  const heading = outlet.querySelector<HTMLElement>('h1, h2');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.classList.add('page-heading');
  heading.focus({ preventScroll: true });
}

void start();
