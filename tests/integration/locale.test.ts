import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open';
import { trayChoices, trayModel } from '../../src/app/tray';
import type { LocaleView } from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** The app's language over a real settings file: the setting, else the system's. */
const dirs: string[] = [];

function app(systemLanguages: string[], settings?: unknown) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-locale-'));
  dirs.push(dataDir);
  if (settings) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings }));
  return openApp({
    dataDir,
    clock: new VirtualClock(Date.parse('2026-11-23T09:30:00+01:00')),
    timeZone: 'Europe/Berlin',
    systemLanguages,
  });
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the language of the app', () => {
  it('follows the system by default', async () => {
    const unhunch = app(['de-AT', 'en']);
    expect(await dispatchCall(unhunch.handlers, 'getLocale', undefined)).toEqual({
      ok: true,
      value: { language: 'de', systemLanguage: 'de', setting: 'system', intlLocale: 'de-AT' },
    });
    expect(unhunch.t('tray.open')).toBe('Unhunch öffnen');
    unhunch.dispose();
  });

  it('a saved language wins over the system', () => {
    const unhunch = app(['de-DE'], { language: 'es' });
    expect(unhunch.locale.view()).toMatchObject({ language: 'es', systemLanguage: 'de' });
    expect(unhunch.t('tray.quit')).toBe('Salir de Unhunch');
    unhunch.dispose();
  });

  it('changing the setting re-translates the tray and tells every UI once', async () => {
    const unhunch = app(['en-US']);
    const told: LocaleView[] = [];
    unhunch.onEvent((event, payload) => {
      if (event === 'locale') told.push(payload as LocaleView);
    });
    const t = unhunch.t;
    expect(trayChoices(trayModel(unhunch.status(), t).items)[0]?.label).toBe('Open Unhunch');

    await dispatchCall(unhunch.handlers, 'updateSettings', { language: 'de' });
    expect(told).toEqual([
      { language: 'de', systemLanguage: 'en', setting: 'de', intlLocale: 'de' },
    ]);
    // The same function, now in German: hosts keep one `t`.
    expect(trayChoices(trayModel(unhunch.status(), t).items)[0]?.label).toBe('Unhunch öffnen');
    // The exercises the app resolves for its windows are German too.
    const titles = unhunch.context.exercises.catalogue().map((entry) => entry.title);
    expect(titles).toContain('Schulterblätter zusammenziehen');

    // Another setting changing says nothing about the language.
    await dispatchCall(unhunch.handlers, 'updateSettings', { strictMode: true });
    expect(told).toHaveLength(1);

    await dispatchCall(unhunch.handlers, 'updateSettings', { language: 'system' });
    expect(told.at(-1)).toMatchObject({ language: 'en', setting: 'system' });
    unhunch.dispose();
  });

  it('refuses a language it does not speak, naming the choices', async () => {
    const unhunch = app(['en']);
    const reply = await dispatchCall(unhunch.handlers, 'updateSettings', { language: 'fr' });
    expect(JSON.stringify(reply)).toContain('system');
    expect(unhunch.locale.view().language).toBe('en');
    unhunch.dispose();
  });

  it('hears of a new system language from the host', () => {
    const unhunch = app([]);
    expect(unhunch.locale.view().language).toBe('en');
    unhunch.locale.setSystemLanguages(['es-MX', 'en']);
    expect(unhunch.locale.view()).toMatchObject({ language: 'es', intlLocale: 'es-MX' });
    unhunch.dispose();
  });
});
