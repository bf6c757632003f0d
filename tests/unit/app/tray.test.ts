import { describe, expect, it } from 'vitest';
import { trayModel } from '../../../src/app/tray';
import type { Status } from '../../../src/contract/contract';
import { createTranslator } from '../../../src/contract/i18n';

const { t } = await createTranslator('en');
const now = Date.parse('2026-11-24T10:00:00Z');
const running: Status = {
  state: 'running',
  nextBreak: { kind: 'micro', dueAt: now + 12 * 60_000 },
  currentBreak: null,
  pausedUntil: null,
  postponesLeft: 2,
  skipsLeftToday: null,
  strictMode: false,
  now,
};

describe('the tray', () => {
  it('tells the time to the next break in its tooltip', () => {
    expect(trayModel(running, t).tooltip).toBe('Unhunch · next break in 12 minutes');
  });

  it('offers Open, the guides, Pause for 30 minutes and Quit while running', () => {
    expect(trayModel(running, t).items.map((item) => item.label)).toEqual([
      'Open Unhunch',
      'Breathing and relaxation',
      'Workstation checklist',
      'About your health',
      'Pause for 30 minutes',
      'Quit Unhunch',
    ]);
  });

  it('offers Resume instead of Pause while paused, and shows the paused icon', () => {
    const paused = { ...running, state: 'paused' as const, pausedUntil: null, nextBreak: null };
    const model = trayModel(paused, t);
    expect(model.paused).toBe(true);
    expect(model.tooltip).toBe('Unhunch · paused');
    expect(model.items.map((item) => item.action)).toEqual([
      'open',
      'breathing',
      'checklist',
      'health',
      'resume',
      'quit',
    ]);
  });

  it('says when a timed pause ends', () => {
    const paused = { ...running, state: 'paused' as const, pausedUntil: now + 30 * 60_000 };
    expect(trayModel(paused, t, 'en').tooltip).toMatch(/^Unhunch · paused until \d\d:\d\d/);
  });

  it('counts hours and minutes for a distant break', () => {
    const later = { ...running, nextBreak: { kind: 'long' as const, dueAt: now + 95 * 60_000 } };
    expect(trayModel(later, t).tooltip).toBe('Unhunch · next break in 1 h 35 min');
  });
});
