import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronFake } from './electron-fake';

vi.mock('electron', () => electronFake());

const { createElectronSettingsStore } = await import('../../../src/main/store');

describe('settings kept with electron-store', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'unhunch-store-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('starts empty and keeps what the user chose across restarts', () => {
    const cwd = freshDir();
    const first = createElectronSettingsStore({ cwd }).store;
    expect(first.load()).toEqual({});
    first.save({ microBreak: { every: '25m' } });

    const afterRestart = createElectronSettingsStore({ cwd });
    expect(afterRestart.movedAside).toBeNull();
    expect(afterRestart.store.load()).toEqual({ microBreak: { every: '25m' } });
    expect(JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8'))).toMatchObject({
      settings: { microBreak: { every: '25m' } },
    });
  });

  it('moves a corrupt file aside as a dated backup and starts on defaults', () => {
    const cwd = freshDir();
    writeFileSync(join(cwd, 'settings.json'), '{"settings": {"microBreak": ');
    const opened = createElectronSettingsStore({
      cwd,
      now: () => new Date('2026-11-27T08:30:00Z'),
    });
    expect(opened.store.load()).toEqual({});
    expect(opened.movedAside).toBe(join(cwd, 'settings.unreadable-2026-11-27T08-30-00-000Z.json'));
    expect(readFileSync(opened.movedAside!, 'utf8')).toBe('{"settings": {"microBreak": ');
  });

  it('refuses a file that breaks the settings schema instead of loading it, and keeps it', () => {
    const cwd = freshDir();
    writeFileSync(
      join(cwd, 'settings.json'),
      JSON.stringify({ settings: { therapy: { capMinutes: 45 } } }),
    );
    const opened = createElectronSettingsStore({ cwd });
    expect(opened.store.load()).toEqual({});
    expect(readdirSync(cwd).some((f) => f.startsWith('settings.unreadable-'))).toBe(true);
    expect(existsSync(opened.movedAside!)).toBe(true);
  });

  it('refuses to save a therapy cap above 20 minutes', () => {
    const { store } = createElectronSettingsStore({ cwd: freshDir() });
    expect(() => store.save({ therapy: { capMinutes: 25 } })).toThrow(/capMinutes|maximum|20/);
  });
});
