import { html, nothing } from 'lit-html';
import { refusalText } from '../../../src/contract/i18n';
import type { SettingsFile } from '../../../src/contract/settings';
import { litRoot } from '../lit-root';
import { markWelcomeSeen } from '../welcome-seen';
import type { MountedPage, PageContext } from './index';

/**
 * The first-run welcome (#welcome): what Unhunch will do, a break rhythm from a few
 * presets, work hours, the checklist now, and where the tray icon lives. The shell
 * brings a new user here once (renderer/src/welcome-seen.ts); Settings links back to it.
 */

/**
 * The rhythms on offer. `recommended` is the defaults (docs/sources.md: McLean et al. 2001,
 * 30 s every 20 min; NIOSH, 5 min hourly); `gentle` keeps McLean's 40-minute interval,
 * which also helped; `longOnly` is the hourly 5-minute break alone.
 */
const PRESETS = {
  recommended: {
    microBreak: { enabled: true, every: '20m', duration: '30s' },
    longBreak: { enabled: true, every: '1h', duration: '5m' },
  },
  gentle: {
    microBreak: { enabled: true, every: '40m', duration: '30s' },
    longBreak: { enabled: true, every: '1h', duration: '5m' },
  },
  longOnly: {
    microBreak: { enabled: false },
    longBreak: { enabled: true, every: '1h', duration: '5m' },
  },
} satisfies Record<string, SettingsFile>;
type Preset = keyof typeof PRESETS;

export function mount(root: HTMLElement, { api, t, navigate }: PageContext): MountedPage {
  const out = litRoot(root);
  const tw = (key: string, values: Record<string, unknown> = {}) => t(`welcome.${key}`, values);
  let preset: Preset = 'recommended';
  let workHoursOn = true;
  let from = '09:00';
  let to = '17:30';
  let error = '';
  let saving = false;
  /** The weekly check-in stays off unless the person ticks it here or in Settings. */
  let checkinOn = false;
  const tc = (key: string) => t(key, { ns: 'checkin' });

  const finish = async (then: 'status' | 'checklist') => {
    error = '';
    saving = true;
    draw();
    const change: SettingsFile = {
      ...PRESETS[preset],
      workHours: workHoursOn ? { from, to } : null,
    };
    try {
      const result = await api.call('updateSettings', change);
      if (!result.ok) {
        error = tw('failed', { reason: refusalText(t, result) });
        return;
      }
      if (checkinOn) {
        const checkin = await api.call('setCheckinEnabled', { enabled: true });
        if (!checkin.ok) {
          error = tw('failed', { reason: refusalText(t, checkin) });
          return;
        }
      }
      markWelcomeSeen();
      navigate(then);
    } catch (failure) {
      error = tw('failed', { reason: (failure as Error).message });
    } finally {
      saving = false;
      draw();
    }
  };

  const presetOption = (id: Preset) => html`<div class="welcome-option">
    <input type="radio" name="welcome-preset" id=${`welcome-preset-${id}`} value=${id}
      data-testid=${`welcome-preset-${id}`} .checked=${preset === id}
      aria-describedby=${`welcome-preset-${id}-detail`}
      @change=${() => {
        preset = id;
      }} />
    <label for=${`welcome-preset-${id}`}>${tw(`presets.${id}.name`)}</label>
    <p class="detail" id=${`welcome-preset-${id}-detail`}>${tw(`presets.${id}.detail`)}</p>
  </div>`;

  const draw = () =>
    out.draw(html`
      <section class="card welcome" aria-labelledby="welcome-heading" data-testid="welcome">
        <h2 id="welcome-heading">${tw('heading')}</h2>
        <p>${tw('what')}</p>
        <fieldset>
          <legend>${tw('rhythm')}</legend>
          ${(Object.keys(PRESETS) as Preset[]).map(presetOption)}
          <p class="detail">${tw('rhythmLater')}</p>
        </fieldset>
        <fieldset>
          <legend>${tw('workHours.legend')}</legend>
          <div class="field field-toggle">
            <input type="checkbox" id="welcome-work-hours" data-testid="welcome-work-hours"
              .checked=${workHoursOn} @change=${(e: Event) => {
                workHoursOn = (e.target as HTMLInputElement).checked;
                draw();
              }} />
            <label for="welcome-work-hours">${tw('workHours.only')}</label>
          </div>
          ${
            workHoursOn
              ? html`<div class="welcome-hours">
                  <label for="welcome-from">${tw('workHours.from')}</label>
                  <input type="time" id="welcome-from" data-testid="welcome-from" .value=${from}
                    @change=${(e: Event) => {
                      from = (e.target as HTMLInputElement).value || from;
                    }} />
                  <label for="welcome-to">${tw('workHours.to')}</label>
                  <input type="time" id="welcome-to" data-testid="welcome-to" .value=${to}
                    @change=${(e: Event) => {
                      to = (e.target as HTMLInputElement).value || to;
                    }} />
                </div>`
              : nothing
          }
        </fieldset>
        <fieldset>
          <legend>${tc('setting.heading')}</legend>
          <p class="detail" id="welcome-checkin-explain">${tc('setting.explain')}</p>
          <div class="field field-toggle">
            <input type="checkbox" id="welcome-checkin" data-testid="welcome-checkin"
              aria-describedby="welcome-checkin-explain welcome-checkin-privacy"
              .checked=${checkinOn} @change=${(e: Event) => {
                checkinOn = (e.target as HTMLInputElement).checked;
              }} />
            <label for="welcome-checkin">${tc('setting.label')}</label>
          </div>
          <p class="detail" id="welcome-checkin-privacy">${tc('privacy')}</p>
        </fieldset>
        <h3>${tw('tray.heading')}</h3>
        <p>${tw('tray.where')}</p>
        <h3>${tw('checklist.heading')}</h3>
        <p>${tw('checklist.why')}</p>
        <div class="welcome-actions">
          <button type="button" data-testid="welcome-start" ?disabled=${saving}
            @click=${() => finish('status')}>${tw('start')}</button>
          <button type="button" class="secondary" data-testid="welcome-checklist" ?disabled=${saving}
            @click=${() => finish('checklist')}>${tw('checklist.now')}</button>
        </div>
        <p class="error" role="alert" data-testid="welcome-error">${error}</p>
      </section>`);

  draw();
  // Coming back from Settings: start from what is in force.
  void api.call('getSettings').then((view) => {
    const effective = view.effective as {
      microBreak?: { enabled?: boolean; every?: string };
      workHours?: { from?: string; to?: string } | null;
    };
    if (effective.microBreak?.enabled === false) preset = 'longOnly';
    else if (effective.microBreak?.every === '40m') preset = 'gentle';
    workHoursOn = effective.workHours !== null;
    from = effective.workHours?.from ?? from;
    to = effective.workHours?.to ?? to;
    draw();
    root.setAttribute('aria-busy', 'false');
  });

  return {
    unmount() {
      out.clear();
    },
  };
}
