import { describe, expect, it } from 'vitest';
import { trayChoices, trayModel } from '../../../src/app/tray';
import { createTranslator } from '../../../src/contract/i18n';
import { now, running } from './running-status';

const { t } = await createTranslator('en');
const ice = {
  name: 'running' as const,
  kind: 'ice' as const,
  minutes: 15,
  startedAt: now - 3 * 60_000,
  endsAt: now + 12 * 60_000,
};

describe('the tray during heat and ice', () => {
  it('counts the session down in the tooltip and, for macOS, the title', () => {
    const model = trayModel(running, t, 'en', ice);
    expect(model.tooltip).toBe('Ice · 12 min left');
    expect(model.title).toBe('Ice 12 min');
  });

  it('offers Stop while a session runs, and Start (on the therapy page) otherwise', () => {
    const stop = trayChoices(trayModel(running, t, 'en', ice).items).find(
      (item) => item.id === 'therapy-stop',
    );
    expect(stop).toMatchObject({
      label: 'Stop therapy timer',
      action: { type: 'call', call: { name: 'stopTherapy' } },
    });
    const idle = trayModel(running, t, 'en', { name: 'idle' });
    const ids = trayChoices(idle.items).map((item) => item.id);
    expect(ids).toContain('therapy-start');
    expect(ids).not.toContain('therapy-stop');
    expect(trayChoices(idle.items).find((item) => item.id === 'therapy-start')).toMatchObject({
      label: 'Start heat/ice timer',
      action: { type: 'open', page: 'therapy' },
    });
    expect(idle.tooltip).toBe('Unhunch · next break in 12 minutes');
    expect(idle.title).toBe('');
  });

  it('says to take the pack off once the session has ended', () => {
    const ended = {
      name: 'ended-awaiting-ack' as const,
      kind: 'heat' as const,
      minutes: 15,
      endedAt: now - 60_000,
      outcome: 'completed' as const,
      lateBy: 0,
      lateNoticeMs: 60_000,
    };
    expect(trayModel(running, t, 'en', ended).tooltip).toBe('Heat · take the pack off now');
  });

  it('shows the countdown while breaks are paused too', () => {
    const paused = { ...running, state: 'paused' as const, pausedUntil: null, nextBreak: null };
    const model = trayModel(paused, t, 'en', ice);
    expect(model.tooltip).toBe('Ice · 12 min left');
    expect(model.paused).toBe(true);
  });
});
