import type {
  FocusSignalsView,
  focusCalls,
  HandlersFor,
  PosturePrompt,
} from '../../contract/contract';
import type { TimelineEvent } from '../../core/breaks/api';
import { FOCUS_SIGNALS, type FocusSignal } from '../../core/focus/signals';
import type { AppContext } from '../context';

/**
 * Meeting-aware breaks and sit-stand prompts, app side: the timer service decides
 * (src/core/breaks); this feature tells the UIs what it decided — a break shown gently
 * after a long call, a prompt to stand, move or sit — and what the host found it can
 * read of the focus signals (src/main/focus), for the status page.
 */
export type Readability = FocusSignalsView['signals'][number]['readable'];

export interface FocusFeature {
  handlers: HandlersFor<typeof focusCalls>;
  /** The host reports which signals it could read (the Electron host; others read none). */
  reportSupport(support: Record<FocusSignal, Readability>): void;
  dispose(): void;
}

export function createFocusFeature(ctx: AppContext): FocusFeature {
  let support = Object.fromEntries(FOCUS_SIGNALS.map((signal) => [signal, 'unchecked'])) as Record<
    FocusSignal,
    Readability
  >;

  const view = (): FocusSignalsView => {
    const { deferral } = ctx.settings.effective();
    return {
      signals: FOCUS_SIGNALS.map((signal) => ({
        signal,
        readable: support[signal],
        enabled: deferral[signal] && deferral.maxMinutes > 0,
      })),
    };
  };

  const onTimerEvent = (event: TimelineEvent) => {
    if (event.type === 'break-gentle') {
      ctx.emit('break-gentle', {
        kind: event.kind,
        durationSeconds: Math.round(event.durationMs / 1000),
        at: event.at,
        signal: event.signal,
      });
    } else if (event.type === 'posture-change') {
      const prompt: PosturePrompt = {
        to: event.to,
        minutes: event.minutes,
        at: event.at,
        deferred: event.deferredMs !== undefined,
      };
      ctx.emit('posture', prompt);
    }
  };
  const unsubscribe = ctx.timer.onEvent(onTimerEvent);

  return {
    handlers: { getFocusSignals: () => view() },
    reportSupport(next) {
      support = { ...next };
      ctx.emit('focus-signals', view());
    },
    dispose: unsubscribe,
  };
}
