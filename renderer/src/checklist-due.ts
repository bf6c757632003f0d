import type { TFunction } from 'i18next';
import type { ChecklistDue, UnhunchApi } from '../../src/contract/contract';
import { el } from './dom';

/**
 * The weekly "Time to re-check your workstation" banner, shown under the navigation on
 * every page while the re-check is due (the `checklist-due` event, or on opening).
 * Doing the check or pressing "Later" hides it.
 */
export function showChecklistDueBanner(after: Element, api: UnhunchApi, t: TFunction): void {
  const later = el(
    'button',
    { type: 'button', class: 'secondary' },
    t('checklist:ui.recheck.later'),
  );
  const banner = el(
    'aside',
    {
      class: 'banner',
      'aria-labelledby': 'checklist-due-heading',
      'data-testid': 'checklist-due-banner',
      hidden: '',
    },
    el(
      'p',
      { id: 'checklist-due-heading', class: 'banner-title' },
      t('checklist:ui.recheck.banner'),
    ),
    el('p', {}, t('checklist:ui.recheck.bannerDetail')),
    el(
      'p',
      { class: 'banner-actions' },
      el('a', { href: '#checklist', class: 'button-link' }, t('checklist:ui.recheck.open')),
      later,
    ),
  );
  after.after(banner);
  const show = (due: ChecklistDue) => {
    banner.hidden = !due.due;
  };
  later.addEventListener('click', async () => show(await api.call('dismissChecklistDue')));
  api.on('checklist-due', show);
  void api.call('getChecklistDue').then(show);
}
