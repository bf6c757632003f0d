import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { CheckinAdviceView, CheckinState } from '../../../src/contract/contract';
import { RED_FLAG_VALUES, redFlagGroupKeys, redFlagSignKey } from '../../../src/contract/guides';
import { type CitationLike, formatCitations } from '../sources';
import './checkin.css';
import type { MountedPage, PageContext } from './index';

/**
 * The weekly upper-back check-in: pain over the last week and how much it got in the
 * way of work, each 0–10, and "any of these new this week?" for the About your health
 * page's emergency and urgent signs. Keyboard first: each question is a native radio
 * group (arrows move), a digit picks that score, End picks 10; Tab moves on. What the
 * answers call for shows at once, in the health page's own words.
 */

const SCORES = Array.from({ length: 11 }, (_, i) => i);
type Score = 'pain' | 'interference';
type FlagGroup = 'emergency' | 'urgent';

interface Answers {
  pain: number | null;
  interference: number | null;
  emergency: boolean | null;
  urgent: boolean | null;
}

export function mount(root: HTMLElement, { api, t }: PageContext): MountedPage {
  const tc = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'checkin', ...values });
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const host = document.createElement('div');
  root.append(host);

  let state: CheckinState | null = null;
  let answers: Answers = { pain: null, interference: null, emergency: null, urgent: null };
  let advice: CheckinAdviceView | null = null;
  /** Answered just now: the form gives way to "saved" until the person asks for it again. */
  let answered = false;
  let message = '';

  const pick = (field: Score, value: number) => {
    answers = { ...answers, [field]: value };
    draw();
  };
  const pickFlag = (group: FlagGroup, value: boolean) => {
    answers = { ...answers, [group]: value };
    draw();
  };

  /** Digits choose a score and End chooses 10, on top of the radios' own arrow keys. */
  const scoreKeys = (field: Score) => (event: KeyboardEvent) => {
    let value: number | null = null;
    if (/^[0-9]$/.test(event.key)) value = Number(event.key);
    else if (event.key === 'End') value = 10;
    else if (event.key === 'Home') value = 0;
    if (value === null) return;
    event.preventDefault();
    pick(field, value);
    host.querySelector<HTMLInputElement>(`input[name="${field}"][value="${value}"]`)?.focus();
  };

  const scoreQuestion = (field: Score) => html`
    <fieldset class="nrs" data-testid=${`checkin-${field}`} @keydown=${scoreKeys(field)}>
      <legend>${tc(`${field}.question`)}</legend>
      <div class="nrs-scale">
        ${SCORES.map(
          (score) => html`<label class="nrs-choice">
            <input
              type="radio"
              name=${field}
              value=${score}
              .checked=${answers[field] === score}
              @change=${() => pick(field, score)}
            />
            <span>${score}</span>
          </label>`,
        )}
      </div>
      <p class="detail nrs-ends"><span>${tc(`${field}.low`)}</span><span>${tc(`${field}.high`)}</span></p>
    </fieldset>
  `;

  const flagQuestion = (group: FlagGroup, signs: readonly string[]) => html`
    <fieldset class="checkin-flags" data-testid=${`checkin-flags-${group}`}>
      <legend>${tc(`redFlags.${group}`)}</legend>
      <ul>
        ${signs.map((id) => html`<li>${th(redFlagSignKey(id), RED_FLAG_VALUES)}</li>`)}
      </ul>
      <div class="yes-no">
        ${([false, true] as const).map(
          (value) => html`<label>
            <input
              type="radio"
              name=${`flags-${group}`}
              .checked=${answers[group] === value}
              @change=${() => pickFlag(group, value)}
            />
            ${tc(value ? 'yes' : 'no')}
          </label>`,
        )}
      </div>
    </fieldset>
  `;

  const sources = (cited: readonly CitationLike[]) =>
    html`<p class="detail" data-testid="checkin-advice-sources">
      ${tc('advice.sources', { sources: formatCitations(t, cited, 'checkin:advice.sourceSecondary') })}
    </p>`;

  const adviceView = (shown: CheckinAdviceView): TemplateResult => {
    if (shown.kind === 'red-flag') {
      const keys = redFlagGroupKeys(shown.urgency);
      return html`<section class=${`card checkin-advice urgency-${shown.urgency}`} role="alert" tabindex="-1" data-testid="checkin-advice-red-flag">
        <h2>${th(keys.title)}</h2>
        <p>${tc('advice.redFlag')}</p>
        <p>${th(keys.action)}</p>
        <p><a href="#health" data-testid="checkin-advice-health">${tc('advice.readHealth')}</a></p>
        ${sources(shown.source)}
      </section>`;
    }
    if (shown.kind === 'see-professional') {
      return html`<section class="card checkin-advice" role="status" tabindex="-1" data-testid="checkin-advice-professional">
        <h2>${tc('advice.professional.title')}</h2>
        <p>${tc(`advice.professional.${shown.reason}`)}</p>
        <p>${tc('advice.professional.action')}</p>
        ${
          shown.links.length > 0
            ? html`<p>${tc('advice.professional.organisation')}</p>
                <ul>
                  ${shown.links.map(
                    (link) => html`<li>
                      <a
                        href=${link.url}
                        data-testid="checkin-organisation-link"
                        @click=${(event: Event) => {
                          event.preventDefault();
                          void api.call('openExternalLink', { url: link.url });
                        }}
                        >${link.label}</a
                      >
                    </li>`,
                  )}
                </ul>`
            : nothing
        }
        <p class="detail">${tc('noDiagnosis')}</p>
        ${sources(shown.source)}
      </section>`;
    }
    return html`<section class="card checkin-advice" role="status" tabindex="-1" data-testid="checkin-advice-none">
      <p>${tc('advice.none')}</p>
      <p class="detail">${tc('noDiagnosis')}</p>
    </section>`;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const { pain, interference, emergency, urgent } = answers;
    if (pain === null || interference === null || emergency === null || urgent === null) {
      message = tc('missing');
      draw();
      const unanswered: [string, unknown][] = [
        ['pain', pain],
        ['interference', interference],
        ['flags-emergency', emergency],
        ['flags-urgent', urgent],
      ];
      const first = unanswered.find(([, value]) => value === null)?.[0];
      host.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
      return;
    }
    try {
      const result = await api.call('submitCheckin', {
        pain,
        interference,
        redFlags: { emergency, urgent },
      });
      if (!result.ok) {
        message = tc('saveFailed', { reason: result.reason });
      } else {
        message = tc('saved');
        advice = result.advice;
        answered = true;
        answers = { pain: null, interference: null, emergency: null, urgent: null };
      }
    } catch (error) {
      message = tc('saveFailed', { reason: (error as Error).message });
    }
    draw();
    host.querySelector<HTMLElement>('.checkin-advice')?.focus();
  };

  const turnOn = async () => {
    const result = await api.call('setCheckinEnabled', { enabled: true });
    message = result.ok ? '' : tc('saveFailed', { reason: result.reason });
    await load();
  };

  const draw = () => {
    if (!state) return;
    const again = () => {
      answered = false;
      message = '';
      draw();
      host.querySelector<HTMLInputElement>('input[name="pain"]')?.focus();
    };
    const form = answered
      ? html`<p><button type="button" class="secondary" data-testid="checkin-again" @click=${again}>
          ${tc('again')}
        </button></p>`
      : state.enabled
        ? html`<form class="card checkin-form" data-testid="checkin-form" @submit=${submit} novalidate>
          <p class="detail" id="checkin-keys">${tc('keys')}</p>
          ${scoreQuestion('pain')} ${scoreQuestion('interference')}
          ${flagQuestion('emergency', state.questions.emergency)}
          ${flagQuestion('urgent', state.questions.urgent)}
          <button type="submit" data-testid="checkin-submit">${tc('submit')}</button>
        </form>`
        : html`<section class="card" data-testid="checkin-off">
          <p>${tc('off')}</p>
          <button type="button" data-testid="checkin-turn-on" @click=${turnOn}>${tc('turnOn')}</button>
        </section>`;
    render(
      html`<section class="card" aria-labelledby="checkin-heading">
          <h2 id="checkin-heading">${tc('heading')}</h2>
          <p>${tc('intro')}</p>
          <p class="detail">${tc('privacy')}</p>
        </section>
        ${advice ? adviceView(advice) : nothing} ${form}
        <p role="status" class="detail" data-testid="checkin-status">${message}</p>
        <p>
          <a href="#stats">${tc('trend.link')}</a> ·
          <a href="#checkin-summary" data-testid="checkin-summary-link">${tc('summary.link')}</a>
        </p>`,
      host,
    );
  };

  const load = async () => {
    state = await api.call('getCheckin');
    draw();
    root.setAttribute('aria-busy', 'false');
  };
  const off = api.on('settings', () => void load());
  void load().then(() => {
    if (state?.enabled) host.querySelector<HTMLInputElement>('input[name="pain"]')?.focus();
  });
  return { unmount: off };
}
