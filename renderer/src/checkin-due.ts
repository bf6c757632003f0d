import type { TFunction } from 'i18next';
import { html, render } from 'lit-html';
import type { CheckinDue, UnhunchApi } from '../../src/contract/contract';

/**
 * "Time for your weekly upper-back check-in", under the navigation on every page while
 * the check-in is due (the `checkin-due` event, or on opening). Answering it or
 * pressing "Later" hides it. It never fires while the check-in is off.
 */
export function showCheckinDueBanner(after: Element, api: UnhunchApi, t: TFunction): void {
  const banner = document.createElement('div');
  after.after(banner);
  const later = async () => show(await api.call('dismissCheckinDue'));
  const show = (due: CheckinDue) =>
    render(
      html`<aside
        class="banner"
        aria-labelledby="checkin-due-heading"
        data-testid="checkin-due-banner"
        ?hidden=${!due.due}
      >
        <p id="checkin-due-heading" class="banner-title">${t('checkin:due.banner')}</p>
        <p>${t('checkin:due.detail')}</p>
        <p class="banner-actions">
          <a href="#checkin" class="button-link">${t('checkin:due.open')}</a>
          <button type="button" class="secondary" @click=${later}>${t('checkin:due.later')}</button>
        </p>
      </aside>`,
      banner,
    );
  api.on('checkin-due', show);
  void api.call('getCheckin').then((state) => show(state.due));
}
