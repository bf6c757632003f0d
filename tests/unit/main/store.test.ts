import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    const first = createElectronSettingsStore({ cwd });
    expect(first.load()).toEqual({});
    first.save({ microBreak: { every: '25m' } });

    const afterRestart = createElectronSettingsStore({ cwd });
    expect(afterRestart.load()).toEqual({ microBreak: { every: '25m' } });
    expect(JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8'))).toMatchObject({
      settings: { microBreak: { every: '25m' } },
    });
  });
});
