import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../src/app/open';
import { createTranslator } from '../../../src/contract/i18n';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { electronFake, FakeNotification } from './electron-fake';

vi.mock('electron', () => electronFake());

const { notifyChecklistDue } = await import('../../../src/main/notifications');
const { t } = await createTranslator('en');
const dirs: string[] = [];

function app() {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-recheck-'));
  dirs.push(dataDir);
  const clock = new VirtualClock(Date.parse('2026-11-23T09:00:00+01:00'));
  return openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
}

beforeEach(() => {
  FakeNotification.shown.length = 0;
  FakeNotification.supported = true;
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the weekly workstation re-check notification', () => {
  it('appears when the re-check falls due and opens the checklist when clicked', () => {
    const unhunch = app();
    const opened: string[] = [];
    const stop = notifyChecklistDue(unhunch, { t, showChecklist: () => opened.push('checklist') });
    unhunch.context.emit('checklist-due', { due: true, since: Date.now() });
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual([
      'Time to re-check your workstation',
    ]);
    FakeNotification.shown[0]!.emit('click');
    expect(opened).toEqual(['checklist']);
    stop();
    expect(FakeNotification.shown[0]!.closed).toBe(true);
  });

  it('stays quiet when the check is done, or when notifications are turned off', () => {
    const unhunch = app();
    notifyChecklistDue(unhunch, { t, showChecklist: () => {} });
    unhunch.context.emit('checklist-due', { due: false, since: null });
    expect(unhunch.handlers.updateSettings({ notifications: { enabled: false } })).toEqual({
      ok: true,
    });
    unhunch.context.emit('checklist-due', { due: true, since: Date.now() });
    expect(FakeNotification.shown).toEqual([]);
  });
});
