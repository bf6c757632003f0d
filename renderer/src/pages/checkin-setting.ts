import { html, nothing, render } from 'lit-html';
import type { PageContext } from './index';

/**
 * The weekly check-in's switch, for the Settings page (and a welcome page): off until
 * the person turns it on. It is not a setting a policy can reach, so it is never shown
 * as managed.
 */
export function mountCheckinSetting(
  container: HTMLElement,
  { api, t }: Pick<PageContext, 'api' | 't'>,
): { unmount(): void } {
  const tc = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'checkin', ...values });
  let enabled = false;
  let message = '';

  const toggle = async (event: Event) => {
    const wanted = (event.target as HTMLInputElement).checked;
    const result = await api.call('setCheckinEnabled', { enabled: wanted });
    message = result.ok
      ? tc(wanted ? 'setting.turnedOn' : 'setting.turnedOff')
      : tc('saveFailed', { reason: result.reason });
    await load();
  };

  const draw = () =>
    render(
      html`<section class="card settings-group" aria-labelledby="settings-group-checkin" data-testid="settings-group-checkin">
        <h2 id="settings-group-checkin">${tc('setting.heading')}</h2>
        <p>${tc('setting.explain')}</p>
        <p class="detail">${tc('privacy')}</p>
        <label class="checkbox">
          <input type="checkbox" data-testid="checkin-enabled" .checked=${enabled} @change=${toggle} />
          ${tc('setting.label')}
        </label>
        ${enabled ? html`<p><a href="#checkin" data-testid="checkin-answer-now">${tc('setting.answerNow')}</a></p>` : nothing}
        <p role="status" class="detail" data-testid="checkin-setting-status">${message}</p>
      </section>`,
      container,
    );

  const load = async () => {
    enabled = (await api.call('getCheckin')).enabled;
    draw();
  };
  const off = api.on('settings', () => void load());
  void load();
  return {
    unmount: () => {
      off();
      render(nothing, container);
    },
  };
}
