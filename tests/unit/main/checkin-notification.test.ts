import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../src/app/open';
import { createTranslator } from '../../../src/contract/i18n';
import { MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { electronFake, FakeNotification } from './electron-fake';

vi.mock('electron', () => electronFake());

const { notifyCheckinDue } = await import('../../../src/main/notifications');
const { t } = await createTranslator('en');
const dirs: string[] = [];
const FRIDAY_1355_BERLIN = Date.parse('2026-11-27T13:55:00+01:00');

function app() {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-checkin-note-'));
  dirs.push(dataDir);
  const clock = new VirtualClock(FRIDAY_1355_BERLIN);
  return { unhunch: openApp({ dataDir, clock, timeZone: 'Europe/Berlin' }), clock };
}

beforeEach(() => {
  FakeNotification.shown.length = 0;
  FakeNotification.supported = true;
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the weekly check-in notification', () => {
  it('appears at the reminder once the person turned it on, and opens the check-in', async () => {
    const { unhunch, clock } = app();
    const opened: string[] = [];
    const stop = notifyCheckinDue(unhunch, { t, showCheckin: () => opened.push('checkin') });
    await unhunch.handlers.setCheckinEnabled({ enabled: true });
    clock.advance(10 * MINUTE);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual([
      'Time for your weekly upper-back check-in',
    ]);
    FakeNotification.shown[0]!.emit('click');
    expect(opened).toEqual(['checkin']);
    stop();
    unhunch.dispose();
  });

  it('never appears while the check-in is off', () => {
    const { unhunch, clock } = app();
    notifyCheckinDue(unhunch, { t, showCheckin: () => {} });
    clock.advance(10 * MINUTE);
    expect(FakeNotification.shown).toEqual([]);
    unhunch.dispose();
  });
});
