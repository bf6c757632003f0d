import { html, nothing, type TemplateResult } from 'lit-html';
import { createRef, type Ref, ref } from 'lit-html/directives/ref.js';
import chimeUrl from '../../../assets/sounds/therapy-end.wav';
import type {
  TherapyKindPayload as Kind,
  TherapyState,
  TherapyView,
} from '../../../src/contract/contract';
import { formatCountdown, refusalText } from '../../../src/contract/i18n';
import { countdown, createTimeFormat } from '../format';
import { litRoot } from '../lit-root';
import type { MountedPage, PageContext } from './index';

/**
 * The heat and ice timer: choose heat or ice and how long (never past the cap the app
 * reports), a short safety check (the essentials for that kind on one screen, the towel
 * step always, the rest behind "More safety advice"), then a countdown ring with Stop;
 * when the session ends, "remove the pack now" with a chime, until the person says it
 * is off. The app decides everything; this page asks it and shows what it says.
 */

const RING_RADIUS = 54;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
const KINDS: readonly Kind[] = ['heat', 'ice'];

/**
 * The optional steps worth a look before every session (unless hidden): how warm, when
 * to take it off, never asleep. The others (session length, rest, repeated heat) are
 * kept by the timer itself or matter over weeks; they wait under "More safety advice".
 */
const ESSENTIAL_STEPS = new Set([
  'heat-warm-not-hot',
  'check-skin',
  'remove-when-numb-or-burning',
  'remove-heat-if-burning',
  'never-sleep',
]);

/** The chime plays once per ended session, even if the page is shown again. */
let chimedFor: number | null = null;

type Running = Extract<TherapyState, { name: 'running' }>;
type Ended = Extract<TherapyState, { name: 'ended-awaiting-ack' }>;

export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
  const out = litRoot(root);
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'therapy', ...values });
  const health = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const clock = createTimeFormat(language);
  const motion = window.matchMedia('(prefers-reduced-motion: reduce)');

  let view: TherapyView | null = null;
  // Offset between the host's clock and ours, so the countdown follows the host.
  let skew = 0;
  const now = () => Date.now() + skew;
  let step: 'choose' | 'safety' = 'choose';
  let kind: Kind | null = null;
  let minutes: number | null = null;
  let hideOptional = false;
  let starting = false;
  let error = '';
  let connected = true;
  /** The screen last drawn, to move focus only when the screen changes. */
  let drawn = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const heading: Ref<HTMLElement> = createRef();
  const progress: Ref<SVGCircleElement> = createRef();
  const clockText: Ref<HTMLElement> = createRef();
  const leftText: Ref<HTMLElement> = createRef();
  const endedWhen: Ref<HTMLElement> = createRef();
  const acknowledgeButton: Ref<HTMLButtonElement> = createRef();

  const fail = (reason: string) => {
    error = th('failed', { reason });
    draw();
  };

  const stopTicking = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    timer = undefined;
    frame = undefined;
  };

  // --- choosing -------------------------------------------------------------
  const restingNote = (v: TherapyView, k: Kind): string | null => {
    const at = v.nextPossibleAt[k];
    return at === null
      ? null
      : th('choose.resting', { kind: th(`kindLower.${k}`), time: clock(at) });
  };

  const valueText = (m: number) => th('choose.minutesValue', { count: m });

  const chooseView = (v: TherapyView) => {
    const cap = v.capMinutes;
    minutes = Math.min(minutes ?? v.defaultMinutes, cap);
    const choiceFor = (k: Kind) => v.safety.choices.find((c) => c.kind === k);
    const evidence = v.safety.choices.find((c) => c.kind === null);
    const option = (k: Kind) => {
      const guidance = choiceFor(k);
      const restUntil = v.nextPossibleAt[k];
      const note =
        restUntil === null ? null : th('choose.restingShort', { time: clock(restUntil) });
      const describedBy = [guidance ? `therapy-guide-${k}` : '', note ? `therapy-rest-${k}` : '']
        .filter(Boolean)
        .join(' ');
      return html`<div class="therapy-option">
        <input type="radio" name="therapy-kind" value=${k} id=${`therapy-kind-${k}`}
          data-testid=${`therapy-kind-${k}`} .checked=${kind === k}
          aria-describedby=${describedBy || nothing}
          @change=${() => {
            kind = k;
            error = '';
            draw();
          }} />
        <label for=${`therapy-kind-${k}`}>${th(`kind.${k}`)}</label>
        ${guidance ? html`<p class="detail" id=${`therapy-guide-${k}`}>${health(`therapy.choices.${guidance.id}`, v.safety.values)}</p>` : nothing}
        ${note ? html`<p class="therapy-rest" id=${`therapy-rest-${k}`} data-testid=${`therapy-rest-${k}`}>${note}</p>` : nothing}
      </div>`;
    };
    const onSlide = (event: Event) => {
      // The slider's max is the cap; clamp anyway, the app refuses anything over it.
      const value = Number((event.target as HTMLInputElement).value);
      minutes = Math.max(1, Math.min(cap, Math.round(value)));
      draw();
    };
    const next = () => {
      error = '';
      if (!kind) error = th('choose.pickKind');
      else {
        const note = restingNote(v, kind);
        if (note) error = note;
        else {
          step = 'safety';
          hideOptional = false;
        }
      }
      draw();
    };
    return html`
      ${v.state.name === 'resting' ? restingView(v.state) : nothing}
      <h3 tabindex="-1" ${ref(heading)}>${th('choose.heading')}</h3>
      <fieldset><legend>${th('choose.kindLegend')}</legend>${KINDS.map(option)}</fieldset>
      ${evidence ? html`<p class="detail">${health(`therapy.choices.${evidence.id}`, v.safety.values)}</p>` : nothing}
      <div class="therapy-minutes">
        <label for="therapy-minutes">${th('choose.minutesLabel')}</label>
        <input type="range" id="therapy-minutes" min="1" max=${cap} step="1" .value=${String(minutes)}
          aria-valuetext=${valueText(minutes)} aria-describedby="therapy-cap-note"
          data-testid="therapy-minutes" @input=${onSlide} />
        <output for="therapy-minutes" data-testid="therapy-minutes-value">${valueText(minutes)}</output>
      </div>
      <p class="detail" id="therapy-cap-note" data-testid="therapy-cap-note">
        ${v.capManaged ? th('choose.capManaged', { capMinutes: cap }) : th('choose.capNote', { capMinutes: cap })}
      </p>
      <button type="button" data-testid="therapy-next" @click=${next}>${th('choose.next')}</button>`;
  };

  // --- the safety check ------------------------------------------------------
  const safetyView = (v: TherapyView, k: Kind) => {
    const chosen = Math.min(minutes ?? v.defaultMinutes, v.capMinutes);
    const dismissed = new Set(v.safety.dismissed);
    const all = v.safety.steps[k];
    const always = all.filter((s) => s.alwaysShown);
    const optional = all.filter(
      (s) => !s.alwaysShown && ESSENTIAL_STEPS.has(s.id) && !dismissed.has(s.id),
    );
    const more = all.filter((s) => !always.includes(s) && !optional.includes(s));
    const stepText = (id: string) => health(`therapy.steps.${id}`, v.safety.values);
    const cautions = (action: 'ask-first' | 'avoid') => {
      const list = v.safety.cautions[k].filter((c) => c.action === action);
      return list.length === 0
        ? nothing
        : html`<h4>${health(`therapy.cautionHeadings.${action}`)}</h4>
            <ul data-testid=${`therapy-cautions-${action}`}>
              ${list.map((c) => html`<li>${health(`therapy.cautions.${c.id}`)}</li>`)}
            </ul>`;
    };
    const start = async () => {
      error = '';
      starting = true;
      draw();
      try {
        if (hideOptional && optional.length > 0) {
          const hidden = await api.call('dismissSafetySteps', { ids: optional.map((s) => s.id) });
          if (!hidden.ok) fail(refusalText(t, hidden));
        }
        const result = await api.call('startTherapy', { kind: k, minutes: chosen });
        if (!result.ok) {
          fail(
            result.code === 'resting' && result.nextPossibleAt !== undefined
              ? th('choose.resting', {
                  kind: th(`kindLower.${k}`),
                  time: clock(result.nextPossibleAt),
                })
              : refusalText(t, {
                  code: `therapy-${result.code === 'resting' ? 'resting-until' : result.code}`,
                  params: result.params,
                }),
          );
          return;
        }
        step = 'choose';
        await refresh();
      } catch (e) {
        fail((e as Error).message);
      } finally {
        starting = false;
        draw();
      }
    };
    const showAll = () =>
      void api.call('showAllSafetySteps').then(refresh, (e: Error) => fail(e.message));
    return html`
      <h3 tabindex="-1" ${ref(heading)}>${th('safety.heading', { kind: th(`kindLower.${k}`) })}</h3>
      <ul class="therapy-steps" data-testid="therapy-steps">
        ${always.map(
          (s) => html`<li class="always" data-testid=${`safety-step-${s.id}`}>
            <span>${stepText(s.id)}</span>
            <span class="therapy-always">${health('therapy.alwaysShown')}</span>
          </li>`,
        )}
        ${optional.map((s) => html`<li data-testid=${`safety-step-${s.id}`}><span>${stepText(s.id)}</span></li>`)}
      </ul>
      <p class="therapy-caution-summary">${th('safety.cautionSummary')}</p>
      ${
        optional.length > 0
          ? html`<p class="therapy-hide">
              <input type="checkbox" id="therapy-hide-optional" data-testid="therapy-hide-optional"
                .checked=${hideOptional} @change=${(e: Event) => {
                  hideOptional = (e.target as HTMLInputElement).checked;
                }} />
              <label for="therapy-hide-optional">${th('safety.dontShow')}</label>
            </p>`
          : nothing
      }
      ${
        v.safety.dismissed.length > 0
          ? html`<p class="detail">${th('safety.hidden', { count: v.safety.dismissed.length })}
              <button type="button" class="link" @click=${showAll}>${th('safety.showAll')}</button></p>`
          : nothing
      }
      <div class="actions">
        <button type="button" class="secondary" @click=${() => {
          step = 'choose';
          error = '';
          draw();
        }}>${th('safety.back')}</button>
        <button type="button" data-testid="therapy-start" ?disabled=${starting} @click=${start}>
          ${th('safety.start', { minutes: chosen, kind: th(`kindLower.${k}`) })}
        </button>
      </div>
      <details class="therapy-more" data-testid="therapy-more">
        <summary>${th('safety.more')}</summary>
        ${
          more.length > 0
            ? html`<ul class="therapy-steps">
                ${more.map((s) => html`<li data-testid=${`more-step-${s.id}`}>${stepText(s.id)}</li>`)}
              </ul>`
            : nothing
        }
        ${cautions('ask-first')} ${cautions('avoid')}
      </details>`;
  };

  // --- running: the countdown ring -------------------------------------------
  const runningView = (running: Running) => {
    const stop = () => {
      error = '';
      void api.call('stopTherapy').then(
        (result) => (result.ok ? refresh() : fail(refusalText(t, result))),
        (e: Error) => fail(e.message),
      );
    };
    return html`
      <h3 tabindex="-1" ${ref(heading)}>${th(`running.heading.${running.kind}`)}</h3>
      <div class="ring-wrap">
        <svg viewBox="0 0 120 120" class="ring" aria-hidden="true">
          <circle class="ring-track" cx="60" cy="60" r=${RING_RADIUS}></circle>
          <circle class="ring-progress" cx="60" cy="60" r=${RING_RADIUS} stroke-dasharray=${RING_LENGTH}
            transform="rotate(-90 60 60)" ${ref(progress)}></circle>
        </svg>
        <p class="ring-label" role="timer" aria-atomic="true"><span class="ring-time" data-testid="therapy-countdown" ${ref(clockText)}></span> <span class="ring-left" ${ref(leftText)}></span></p>
      </div>
      <p class="detail">${th('running.endsAt', { time: clock(running.endsAt) })}</p>
      <button type="button" class="stop" data-testid="therapy-stop" @click=${stop}>${th('running.stop')}</button>`;
  };

  /** The ring and the time left, painted each frame (or each second) while on screen. */
  const tickRunning = (running: Running) => {
    const total = running.endsAt - running.startedAt;
    const setText = (node: HTMLElement | undefined, text: string) => {
      if (node && node.textContent !== text) node.textContent = text;
    };
    const paint = () => {
      const left = Math.max(0, running.endsAt - now());
      setText(clockText.value, countdown(left));
      setText(leftText.value, th('running.minutesLeft', { count: Math.ceil(left / 60_000) }));
      // With reduced motion the ring moves in whole minutes, not smoothly.
      const shown = motion.matches ? Math.ceil(left / 60_000) * 60_000 : left;
      progress.value?.setAttribute(
        'stroke-dashoffset',
        String(RING_LENGTH * (1 - Math.min(1, shown / total))),
      );
    };
    const tick = () => {
      paint();
      // Nothing ticks while the page is hidden; it paints again when shown.
      if (document.visibilityState === 'hidden') return;
      if (motion.matches) timer = setTimeout(tick, 1000 - (now() % 1000));
      else frame = requestAnimationFrame(tick);
    };
    tick();
  };

  // --- ended: take the pack off ----------------------------------------------
  const endedView = (ended: Ended) => {
    const acknowledge = () => {
      error = '';
      void api.call('acknowledgeTherapyEnd').then(
        (result) => (result.ok ? refresh() : fail(refusalText(t, result))),
        (e: Error) => fail(e.message),
      );
    };
    return html`
      <h3 class="therapy-ended" data-testid="therapy-ended" tabindex="-1" ${ref(heading)}>
        ${th(`ended.heading.${ended.kind}`)}
      </h3>
      <div role="alert">
        <p data-testid="therapy-ended-when" ${ref(endedWhen)}></p>
        ${
          ended.whileClosed
            ? html`<p data-testid="therapy-ended-closed">${th('ended.closed')}</p>`
            : ended.lateBy >= ended.lateNoticeMs
              ? html`<p>${th('ended.slept')}</p>`
              : nothing
        }
        <p class="detail">${th('ended.skin')}</p>
      </div>
      <button type="button" data-testid="therapy-acknowledge" ${ref(acknowledgeButton)}
        @click=${acknowledge}>${th('ended.acknowledge')}</button>`;
  };

  /** "Ice came off 3 minutes ago": the words change once a minute, so that is when it paints. */
  const tickEnded = (ended: Ended) => {
    const kindWord = th(`kindLower.${ended.kind}`);
    const paint = () => {
      const ago = now() - ended.endedAt;
      if (endedWhen.value) {
        endedWhen.value.textContent =
          ago >= ended.lateNoticeMs
            ? th('ended.ago', { kind: kindWord, ago: formatCountdown(t, ago) })
            : th('ended.justNow', { kind: kindWord, minutes: ended.minutes });
      }
      if (document.visibilityState !== 'hidden') timer = setTimeout(paint, 60_000 - (ago % 60_000));
    };
    paint();
  };

  const restingView = (resting: Extract<TherapyState, { name: 'resting' }>) =>
    html`<div class="therapy-resting" data-testid="therapy-resting" role="status">
      <strong>${th('resting.heading')}</strong>
      ${th('resting.next', { kind: th(`kindLower.${resting.kind}`), time: clock(resting.nextPossibleAt) })}
    </div>`;

  const bodyOf = (v: TherapyView): { key: string; template: TemplateResult } => {
    const { state } = v;
    if (state.name === 'running')
      return { key: `running-${state.kind}`, template: runningView(state) };
    if (state.name === 'ended-awaiting-ack') {
      return { key: `ended-${state.endedAt}`, template: endedView(state) };
    }
    if (step === 'safety' && kind) return { key: `safety-${kind}`, template: safetyView(v, kind) };
    step = 'choose';
    return { key: 'choose', template: chooseView(v) };
  };

  const draw = () => {
    const v = view;
    const body = v ? bodyOf(v) : null;
    out.draw(html`
      <section class="card therapy" aria-labelledby="therapy-heading">
        <h2 id="therapy-heading">${th('heading')}</h2>
        <p class="detail" data-testid="therapy-intro">
          ${v ? th('intro', { defaultMinutes: v.defaultMinutes, capMinutes: v.capMinutes }) : ''}
        </p>
        <div data-testid="therapy-body">${body?.template ?? nothing}</div>
        <p class="error" role="alert" data-testid="therapy-error">${error}</p>
      </section>
      <p class="connection" role="status">${connected ? '' : t('status.connectionLost')}</p>`);
    if (!body) return;
    // A new screen: its heading has the focus (the ended screen: its one button).
    if (body.key !== drawn) {
      const first = drawn === '';
      drawn = body.key;
      if (v?.state.name === 'ended-awaiting-ack') acknowledgeButton.value?.focus();
      else if (!first) heading.value?.focus({ preventScroll: true });
    }
  };

  /** Starts what moves on the screen drawn now (the ring, the minutes since, the rest's end). */
  const restartTicking = () => {
    stopTicking();
    const v = view;
    if (!v) return;
    const { state } = v;
    if (state.name === 'running') tickRunning(state);
    else if (state.name === 'ended-awaiting-ack') {
      tickEnded(state);
      if (chimedFor !== state.endedAt) {
        chimedFor = state.endedAt;
        // Autoplay may be refused (a browser tab nobody touched); the words and the notification remain.
        new Audio(chimeUrl).play().catch(() => {});
      }
    } else {
      // When the rest is over, ask again so the page stops saying "resting".
      const next = Math.min(...KINDS.map((k) => v.nextPossibleAt[k] ?? Number.POSITIVE_INFINITY));
      if (Number.isFinite(next)) {
        timer = setTimeout(() => void refresh(), Math.max(1000, next - now() + 500));
      }
    }
  };

  const accept = (next: TherapyView) => {
    view = next;
    skew = next.now - Date.now();
    draw();
    // News from the app on the same screen (a new end time, the rest over): tick afresh.
    restartTicking();
    root.setAttribute('aria-busy', 'false');
  };
  const refresh = () => api.call('getTherapy').then(accept, (e: Error) => fail(e.message));

  const unsubscribe = api.on('therapy', accept);
  const onChange = () => restartTicking();
  motion.addEventListener('change', onChange);
  document.addEventListener('visibilitychange', onChange);
  draw();
  void refresh();

  return {
    unmount() {
      stopTicking();
      unsubscribe();
      motion.removeEventListener('change', onChange);
      document.removeEventListener('visibilitychange', onChange);
      out.clear();
    },
    setConnected(isConnected: boolean) {
      connected = isConnected;
      draw();
      if (isConnected && view) void refresh();
    },
  };
}
