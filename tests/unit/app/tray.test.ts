import { describe, expect, it } from 'vitest';
import { trayChoices, trayIconFile, trayModel } from '../../../src/app/tray';
import type { Status } from '../../../src/contract/contract';
import { createTranslator } from '../../../src/contract/i18n';
import { now, running } from './running-status';

const { t } = await createTranslator('en');

/** The menu as a person reads it: labels, submenus opened, separators left out. */
const labels = (status: Status) => trayChoices(trayModel(status, t).items).map((i) => i.label);
const choice = (status: Status, id: string) =>
  trayChoices(trayModel(status, t).items).find((item) => item.id === id);

describe('the tray', () => {
  it('tells the time to the next break in its tooltip and in its menu', () => {
    expect(trayModel(running, t).tooltip).toBe('Unhunch · next break in 12 minutes');
    expect(choice(running, 'status')).toEqual({
      kind: 'note',
      id: 'status',
      label: 'Next break in 12 minutes',
    });
  });

  it('while running offers a break now, every pause the peers offer, the pages and Quit', () => {
    expect(labels(running)).toEqual([
      'Open Unhunch',
      'Next break in 12 minutes',
      'Take a break now',
      'For 30 minutes',
      'For 1 hour',
      'For 2 hours',
      "Until tomorrow's work hours",
      'Until I resume',
      'Breathing and relaxation',
      'Workstation checklist',
      'About your health',
      'Quit Unhunch',
    ]);
    const pause = trayModel(running, t).items.find((item) => item.kind === 'submenu');
    expect(pause).toMatchObject({ label: 'Pause' });
  });

  it('makes each break item a contract call the app decides on', () => {
    expect(
      choice(running, 'take-break')?.kind === 'action' && choice(running, 'take-break'),
    ).toMatchObject({
      action: { type: 'call', call: { name: 'takeBreakNow' } },
    });
    const pauses = ['pause-30', 'pause-60', 'pause-120', 'pause-tomorrow', 'pause-indefinitely'];
    expect(pauses.map((id) => choice(running, id))).toMatchObject([
      { action: { type: 'call', call: { name: 'pause', input: { minutes: 30 } } } },
      { action: { type: 'call', call: { name: 'pause', input: { minutes: 60 } } } },
      { action: { type: 'call', call: { name: 'pause', input: { minutes: 120 } } } },
      { action: { type: 'call', call: { name: 'pause', input: { untilTomorrow: true } } } },
      { action: { type: 'call', call: { name: 'pause', input: { indefinitely: true } } } },
    ]);
    expect(choice(running, 'breathing')).toMatchObject({
      action: { type: 'open', page: 'breathing' },
    });
    expect(choice(running, 'quit')).toMatchObject({ action: { type: 'quit' } });
  });

  it('offers to skip to the next break once one is coming, never in strict mode', () => {
    const warning = { ...running, state: 'warning' as const };
    expect(choice(running, 'skip')).toBeUndefined();
    expect(choice(warning, 'skip')).toMatchObject({
      label: 'Skip to the next break',
      action: { type: 'call', call: { name: 'skipBreak' } },
    });
    expect(choice({ ...warning, strictMode: true }, 'skip')).toBeUndefined();
    expect(choice({ ...warning, skipsLeftToday: 0 }, 'skip')).toBeUndefined();
    const inBreak = { ...running, state: 'in-break' as const };
    expect(choice(inBreak, 'skip')).toBeDefined();
    expect(choice(inBreak, 'take-break')).toBeUndefined();
    expect(choice(inBreak, 'pause-30')).toBeUndefined();
  });

  it('offers Resume instead of Pause while paused, and shows the paused icon', () => {
    const paused = { ...running, state: 'paused' as const, pausedUntil: null, nextBreak: null };
    const model = trayModel(paused, t);
    expect(model.paused).toBe(true);
    expect(model.tooltip).toBe('Unhunch · paused');
    expect(labels(paused)).toEqual([
      'Open Unhunch',
      'Paused',
      'Resume',
      'Breathing and relaxation',
      'Workstation checklist',
      'About your health',
      'Quit Unhunch',
    ]);
    expect(choice(paused, 'resume')).toMatchObject({
      action: { type: 'call', call: { name: 'resume' } },
    });
  });

  it('says when a timed pause ends', () => {
    const paused = { ...running, state: 'paused' as const, pausedUntil: now + 30 * 60_000 };
    expect(trayModel(paused, t, 'en').tooltip).toMatch(/^Unhunch · paused until \d\d:\d\d/);
    expect(choice(paused, 'status')?.label).toMatch(/^Paused until \d\d:\d\d/);
  });

  it('counts hours and minutes for a distant break', () => {
    const later = { ...running, nextBreak: { kind: 'long' as const, dueAt: now + 95 * 60_000 } };
    expect(trayModel(later, t).tooltip).toBe('Unhunch · next break in 1 h 35 min');
  });
});

describe('the tray icon', () => {
  it("follows Windows' taskbar colour, whatever the app's theme", () => {
    expect(trayIconFile({ platform: 'win32', paused: false, taskbarDark: true }).file).toBe(
      'tray-dark.png',
    );
    expect(trayIconFile({ platform: 'win32', paused: true, taskbarDark: false }).file).toBe(
      'tray-paused-light.png',
    );
  });

  it('is a template image on macOS, drawn in the menu bar’s own colour', () => {
    expect(trayIconFile({ platform: 'darwin', paused: false, taskbarDark: false })).toEqual({
      file: 'trayTemplate.png',
      template: true,
    });
  });
});
