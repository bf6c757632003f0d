import { afterEach, describe, expect, it } from 'vitest';
import {
  collectedTrays,
  FakeBrowserWindow,
  FakeTray,
  fakeElectronApp,
  fakeNativeImage,
  fakeProtocol,
  violations,
} from './electron-fake';

// The strict fake is what catches faults in the main process: it must really be strict.

const icon = fakeNativeImage.createFromPath(
  new URL('../../../assets/icons/tray-light.png', import.meta.url).pathname,
);

afterEach(() => {
  fakeElectronApp.ready = true;
  fakeElectronApp.isPackaged = false;
  violations.length = 0;
  for (const window of FakeBrowserWindow.getAllWindows()) window.destroy();
});

describe('the strict fake Electron', () => {
  it('refuses windows and trays before the app is ready', () => {
    fakeElectronApp.ready = false;
    expect(() => new FakeBrowserWindow({})).toThrow(/before the app is ready/);
    expect(() => new FakeTray(icon)).toThrow(/before the app is ready/);
    expect(violations).toHaveLength(2);
  });

  it('refuses scheme privileges once the app is ready', () => {
    expect(() =>
      fakeProtocol.registerSchemesAsPrivileged([
        { scheme: 'late', privileges: { standard: true } },
      ]),
    ).toThrow(/before the app is ready/);
  });

  it('refuses a quit that a window vetoes by preventing its close', () => {
    const window = new FakeBrowserWindow({ title: 'stubborn' });
    window.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    expect(() => fakeElectronApp.quit()).toThrow(/quitting was cancelled: the window "stubborn"/);
  });

  it('leaves a file:// page from inside the packaged app blank with the fuse off', () => {
    fakeElectronApp.isPackaged = true;
    const window = new FakeBrowserWindow({});
    expect(() =>
      window.loadFile(`${fakeElectronApp.getAppPath()}/out/renderer/index.html`),
    ).toThrow(/grantFileProtocolExtraPrivileges is off/);
  });

  it('refuses a page of a scheme nobody handles', async () => {
    const window = new FakeBrowserWindow({});
    await expect(window.loadURL('nobody://app/index.html')).rejects.toThrow(/unknown_url_scheme/i);
  });

  it('notices a tray that nothing references being garbage collected', async () => {
    const before = await collectedTrays();
    (() => {
      new FakeTray(icon);
    })();
    expect(await collectedTrays()).toBe(before + 1);
  });
});
