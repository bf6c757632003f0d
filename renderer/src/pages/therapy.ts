import chimeUrl from '../../../assets/sounds/therapy-end.wav';
import type {
  TherapyKindPayload as Kind,
  TherapyState,
  TherapyView,
} from '../../../src/contract/contract';
import { formatClockTime, formatCountdown, refusalText } from '../../../src/contract/i18n';
import { el } from '../dom';
import type { MountedPage, PageContext } from './index';

/**
 * The heat and ice timer: choose heat or ice and how long (never past the cap the app
 * reports), go through the safety check, then a countdown ring with Stop; when the
 * session ends, "remove the pack now" with a chime, until the person says it is off.
 * The app decides everything; this page asks it and shows what it says.
 */

const SVG = 'http://www.w3.org/2000/svg';
const RING_RADIUS = 54;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
const KINDS: readonly Kind[] = ['heat', 'ice'];

/** The chime plays once per ended session, even if the page is shown again. */
let chimedFor: number | null = null;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'therapy', ...values });
  const health = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const clock = (at: number) => formatClockTime(at, language);
  const motion = window.matchMedia('(prefers-reduced-motion: reduce)');

  let view: TherapyView | null = null;
  // Offset between the host's clock and ours, so the countdown follows the host.
  let skew = 0;
  const now = () => Date.now() + skew;
  let step: 'choose' | 'safety' = 'choose';
  let kind: Kind | null = null;
  let minutes: number | null = null;
  /** The kind and step last drawn, to move focus only when the screen changes. */
  let drawn = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;

  const intro = el('p', { class: 'detail', 'data-testid': 'therapy-intro' });
  const body = el('div', { 'data-testid': 'therapy-body' });
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'therapy-error' });
  const connection = el('p', { class: 'connection', role: 'status' });
  root.append(
    el(
      'section',
      { class: 'card therapy', 'aria-labelledby': 'therapy-heading' },
      el('h2', { id: 'therapy-heading' }, th('heading')),
      intro,
      body,
      error,
    ),
    connection,
  );

  const fail = (reason: string) => {
    error.textContent = th('failed', { reason });
  };

  const stopTicking = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    timer = undefined;
    frame = undefined;
  };

  /**
   * Replace the body: on a new screen focus its heading; on the same screen drawn again
   * (an update from the app) keep focus where it was.
   */
  const show = (key: string, heading: HTMLElement, ...rest: (Node | string)[]) => {
    const focused = document.activeElement;
    const focusedId = focused && body.contains(focused) ? focused.id : '';
    heading.setAttribute('tabindex', '-1');
    body.replaceChildren(heading, ...rest);
    if (drawn !== '' && drawn !== key) heading.focus();
    else if (focusedId) document.getElementById(focusedId)?.focus();
    drawn = key;
  };

  // --- choosing -------------------------------------------------------------
  const restingNote = (v: TherapyView, k: Kind): string | null => {
    const at = v.nextPossibleAt[k];
    return at === null
      ? null
      : th('choose.resting', { kind: th(`kindLower.${k}`), time: clock(at) });
  };

  const drawChoose = (v: TherapyView) => {
    const cap = v.capMinutes;
    minutes = Math.min(minutes ?? v.defaultMinutes, cap);
    const heading = el('h3', {}, th('choose.heading'));
    const choiceFor = (k: Kind) => v.safety.choices.find((c) => c.kind === k);
    const radios = KINDS.map((k) => {
      const input = el('input', {
        type: 'radio',
        name: 'therapy-kind',
        value: k,
        id: `therapy-kind-${k}`,
        'data-testid': `therapy-kind-${k}`,
      });
      input.checked = kind === k;
      input.addEventListener('change', () => {
        kind = k;
        error.textContent = '';
      });
      const guidance = choiceFor(k);
      const restUntil = v.nextPossibleAt[k];
      const note =
        restUntil === null ? null : th('choose.restingShort', { time: clock(restUntil) });
      const describedBy = [guidance ? `therapy-guide-${k}` : '', note ? `therapy-rest-${k}` : '']
        .filter(Boolean)
        .join(' ');
      if (describedBy) input.setAttribute('aria-describedby', describedBy);
      return el(
        'div',
        { class: 'therapy-option' },
        input,
        el('label', { for: `therapy-kind-${k}` }, th(`kind.${k}`)),
        guidance
          ? el(
              'p',
              { class: 'detail', id: `therapy-guide-${k}` },
              health(`therapy.choices.${guidance.id}`, v.safety.values),
            )
          : '',
        note
          ? el(
              'p',
              {
                class: 'therapy-rest',
                id: `therapy-rest-${k}`,
                'data-testid': `therapy-rest-${k}`,
              },
              note,
            )
          : '',
      );
    });
    const evidence = v.safety.choices.find((c) => c.kind === null);

    const valueText = (m: number) => th('choose.minutesValue', { count: m });
    const slider = el('input', {
      type: 'range',
      id: 'therapy-minutes',
      min: '1',
      max: String(cap),
      step: '1',
      value: String(minutes),
      'aria-valuetext': valueText(minutes),
      'aria-describedby': 'therapy-cap-note',
      'data-testid': 'therapy-minutes',
    });
    const output = el(
      'output',
      { for: 'therapy-minutes', 'data-testid': 'therapy-minutes-value' },
      valueText(minutes),
    );
    slider.addEventListener('input', () => {
      // The slider's max is the cap; clamp anyway, the app refuses anything over it.
      minutes = Math.max(1, Math.min(cap, Math.round(Number(slider.value))));
      slider.setAttribute('aria-valuetext', valueText(minutes));
      output.textContent = valueText(minutes);
    });

    const next = el('button', { type: 'button', 'data-testid': 'therapy-next' }, th('choose.next'));
    next.addEventListener('click', () => {
      error.textContent = '';
      if (!kind) {
        error.textContent = th('choose.pickKind');
        return;
      }
      const note = restingNote(v, kind);
      if (note) {
        error.textContent = note;
        return;
      }
      step = 'safety';
      render();
    });

    show(
      'choose',
      heading,
      el('fieldset', {}, el('legend', {}, th('choose.kindLegend')), ...radios),
      evidence
        ? el('p', { class: 'detail' }, health(`therapy.choices.${evidence.id}`, v.safety.values))
        : '',
      el(
        'div',
        { class: 'therapy-minutes' },
        el('label', { for: 'therapy-minutes' }, th('choose.minutesLabel')),
        slider,
        output,
      ),
      el(
        'p',
        { class: 'detail', id: 'therapy-cap-note', 'data-testid': 'therapy-cap-note' },
        v.capManaged
          ? th('choose.capManaged', { capMinutes: cap })
          : th('choose.capNote', { capMinutes: cap }),
      ),
      next,
    );
  };

  // --- the safety check ------------------------------------------------------
  const drawSafety = (v: TherapyView, k: Kind) => {
    const chosen = Math.min(minutes ?? v.defaultMinutes, v.capMinutes);
    const hide = new Set<string>();
    const steps = v.safety.steps[k].map((s) => {
      const item = el(
        'li',
        { 'data-testid': `safety-step-${s.id}`, class: s.alwaysShown ? 'always' : '' },
        el('span', {}, health(`therapy.steps.${s.id}`, v.safety.values)),
      );
      if (s.alwaysShown) {
        item.append(el('span', { class: 'therapy-always' }, health('therapy.alwaysShown')));
      } else {
        const box = el('input', {
          type: 'checkbox',
          id: `hide-${s.id}`,
          'data-testid': `hide-${s.id}`,
        });
        box.addEventListener('change', () => {
          if (box.checked) hide.add(s.id);
          else hide.delete(s.id);
        });
        item.append(
          el(
            'span',
            { class: 'therapy-hide' },
            box,
            el('label', { for: `hide-${s.id}` }, th('safety.dontShow')),
          ),
        );
      }
      return item;
    });
    const cautions = (action: 'ask-first' | 'avoid') => {
      const list = v.safety.cautions[k].filter((c) => c.action === action);
      return list.length === 0
        ? []
        : [
            el('h4', {}, health(`therapy.cautionHeadings.${action}`)),
            el(
              'ul',
              { 'data-testid': `therapy-cautions-${action}` },
              ...list.map((c) => el('li', {}, health(`therapy.cautions.${c.id}`))),
            ),
          ];
    };
    const back = el('button', { type: 'button', class: 'secondary' }, th('safety.back'));
    back.addEventListener('click', () => {
      step = 'choose';
      error.textContent = '';
      render();
    });
    const start = el(
      'button',
      { type: 'button', 'data-testid': 'therapy-start' },
      th('safety.start', { minutes: chosen, kind: th(`kindLower.${k}`) }),
    );
    start.addEventListener('click', async () => {
      error.textContent = '';
      start.disabled = true;
      try {
        if (hide.size > 0) {
          const hidden = await api.call('dismissSafetySteps', { ids: [...hide] });
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
        start.disabled = false;
      }
    });
    const showAll =
      v.safety.dismissed.length > 0
        ? el(
            'p',
            { class: 'detail' },
            th('safety.hidden', { count: v.safety.dismissed.length }),
            ' ',
            (() => {
              const button = el('button', { type: 'button', class: 'link' }, th('safety.showAll'));
              button.addEventListener('click', () => {
                void api.call('showAllSafetySteps').then(refresh, (e: Error) => fail(e.message));
              });
              return button;
            })(),
          )
        : '';

    show(
      `safety-${k}`,
      el('h3', {}, th('safety.heading', { kind: th(`kindLower.${k}`) })),
      el('ul', { class: 'therapy-steps', 'data-testid': 'therapy-steps' }, ...steps),
      showAll,
      ...cautions('ask-first'),
      ...cautions('avoid'),
      el('div', { class: 'actions' }, back, start),
    );
  };

  // --- running: the countdown ring -------------------------------------------
  const drawRunning = (running: Extract<TherapyState, { name: 'running' }>) => {
    const progress = svg('circle', {
      class: 'ring-progress',
      cx: '60',
      cy: '60',
      r: String(RING_RADIUS),
      'stroke-dasharray': String(RING_LENGTH),
      transform: 'rotate(-90 60 60)',
    });
    const ring = svg('svg', { viewBox: '0 0 120 120', class: 'ring', 'aria-hidden': 'true' });
    ring.append(
      svg('circle', { class: 'ring-track', cx: '60', cy: '60', r: String(RING_RADIUS) }),
      progress,
    );
    const clockText = el('span', { class: 'ring-time', 'data-testid': 'therapy-countdown' });
    const leftText = el('span', { class: 'ring-left' });
    const stop = el(
      'button',
      { type: 'button', class: 'stop', 'data-testid': 'therapy-stop' },
      th('running.stop'),
    );
    stop.addEventListener('click', () => {
      error.textContent = '';
      void api.call('stopTherapy').then(
        (result) => (result.ok ? refresh() : fail(refusalText(t, result))),
        (e: Error) => fail(e.message),
      );
    });

    const total = running.endsAt - running.startedAt;
    const setText = (node: HTMLElement, text: string) => {
      if (node.textContent !== text) node.textContent = text;
    };
    const paint = () => {
      const left = Math.max(0, running.endsAt - now());
      const whole = Math.ceil(left / 1000);
      setText(clockText, `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`);
      setText(leftText, th('running.minutesLeft', { count: Math.ceil(left / 60_000) }));
      // With reduced motion the ring moves in whole minutes, not smoothly.
      const shown = motion.matches ? Math.ceil(left / 60_000) * 60_000 : left;
      progress.setAttribute(
        'stroke-dashoffset',
        String(RING_LENGTH * (1 - Math.min(1, shown / total))),
      );
    };
    const tick = () => {
      paint();
      if (motion.matches) timer = setTimeout(tick, 1000 - (now() % 1000));
      else frame = requestAnimationFrame(tick);
    };

    show(
      `running-${running.kind}`,
      el('h3', {}, th(`running.heading.${running.kind}`)),
      el(
        'div',
        { class: 'ring-wrap' },
        ring,
        el('p', { class: 'ring-label', role: 'timer', 'aria-atomic': 'true' }, clockText, leftText),
      ),
      el('p', { class: 'detail' }, th('running.endsAt', { time: clock(running.endsAt) })),
      stop,
    );
    tick();
  };

  // --- ended: take the pack off ----------------------------------------------
  const drawEnded = (ended: Extract<TherapyState, { name: 'ended-awaiting-ack' }>) => {
    const kindWord = th(`kindLower.${ended.kind}`);
    const when = el('p', { 'data-testid': 'therapy-ended-when' });
    const paint = () => {
      const ago = now() - ended.endedAt;
      when.textContent =
        ago >= 60_000
          ? th('ended.ago', { kind: kindWord, ago: formatCountdown(t, ago) })
          : th('ended.justNow', { kind: kindWord, minutes: ended.minutes });
      timer = setTimeout(paint, 60_000 - (ago % 60_000));
    };
    const acknowledge = el(
      'button',
      { type: 'button', 'data-testid': 'therapy-acknowledge' },
      th('ended.acknowledge'),
    );
    acknowledge.addEventListener('click', () => {
      error.textContent = '';
      void api.call('acknowledgeTherapyEnd').then(
        (result) => (result.ok ? refresh() : fail(refusalText(t, result))),
        (e: Error) => fail(e.message),
      );
    });
    show(
      `ended-${ended.endedAt}`,
      el(
        'h3',
        { class: 'therapy-ended', 'data-testid': 'therapy-ended' },
        th(`ended.heading.${ended.kind}`),
      ),
      el(
        'div',
        { role: 'alert' },
        when,
        ended.whileClosed
          ? el('p', { 'data-testid': 'therapy-ended-closed' }, th('ended.closed'))
          : ended.lateBy >= 60_000
            ? el('p', {}, th('ended.slept'))
            : '',
        el('p', { class: 'detail' }, th('ended.skin')),
      ),
      acknowledge,
    );
    paint();
    acknowledge.focus();
    if (chimedFor !== ended.endedAt) {
      chimedFor = ended.endedAt;
      // Autoplay may be refused (a browser tab nobody touched); the words and the notification remain.
      new Audio(chimeUrl).play().catch(() => {});
    }
  };

  const drawResting = (resting: Extract<TherapyState, { name: 'resting' }>) =>
    el(
      'div',
      { class: 'therapy-resting', 'data-testid': 'therapy-resting', role: 'status' },
      el('strong', {}, th('resting.heading')),
      ' ',
      th('resting.next', {
        kind: th(`kindLower.${resting.kind}`),
        time: clock(resting.nextPossibleAt),
      }),
    );

  const render = () => {
    stopTicking();
    if (!view) return;
    const v = view;
    intro.textContent = th('intro', { defaultMinutes: v.defaultMinutes, capMinutes: v.capMinutes });
    const { state } = v;
    if (state.name === 'running') drawRunning(state);
    else if (state.name === 'ended-awaiting-ack') drawEnded(state);
    else if (step === 'safety' && kind) drawSafety(v, kind);
    else {
      step = 'choose';
      drawChoose(v);
      if (state.name === 'resting') body.prepend(drawResting(state));
      // When the rest is over, ask again so the page stops saying "resting".
      const next = Math.min(...KINDS.map((k) => v.nextPossibleAt[k] ?? Number.POSITIVE_INFINITY));
      if (Number.isFinite(next))
        timer = setTimeout(() => void refresh(), Math.max(1000, next - now() + 500));
    }
    root.setAttribute('aria-busy', 'false');
  };

  const accept = (next: TherapyView) => {
    view = next;
    skew = next.now - Date.now();
    render();
  };
  const refresh = () => api.call('getTherapy').then(accept, (e: Error) => fail(e.message));

  const unsubscribe = api.on('therapy', accept);
  const onMotion = () => render();
  motion.addEventListener('change', onMotion);
  void refresh();

  return {
    unmount() {
      stopTicking();
      unsubscribe();
      motion.removeEventListener('change', onMotion);
    },
    setConnected(connected: boolean) {
      connection.textContent = connected ? '' : t('status.connectionLost');
      if (connected && view) void refresh();
    },
  };
}
