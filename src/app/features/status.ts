import type { HandlersFor, Status, statusCalls } from '../../contract/contract';
import type { PauseRequest } from '../../core/breaks/api';
import { MINUTE } from '../../core/time/duration';
import type { AppContext } from '../context';

export function currentStatus(ctx: AppContext): Status {
  return { ...ctx.timer.status(), now: ctx.clock.now() };
}

function toPauseRequest(
  input: Parameters<HandlersFor<typeof statusCalls>['pause']>[0],
): PauseRequest {
  if ('minutes' in input) return { for: input.minutes * MINUTE };
  if ('until' in input) return { until: input.until };
  if ('untilTomorrow' in input) return { untilTomorrow: true };
  return { indefinitely: true };
}

export function statusHandlers(ctx: AppContext): HandlersFor<typeof statusCalls> {
  return {
    getStatus: () => currentStatus(ctx),
    pause: (input) => {
      const result = ctx.timer.pause(toPauseRequest(input));
      if (!result.ok) ctx.logger.warn(`pause refused (${result.code})`);
      ctx.publishStatus();
      return result;
    },
    resume: () => {
      const result = ctx.timer.resume();
      ctx.publishStatus();
      return result;
    },
    getSignalSupport: () => ctx.signalSupport,
    getNotices: () => ctx.notices.list(),
  };
}
