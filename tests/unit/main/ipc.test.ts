import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../src/app/open';
import { IPC_CALL_CHANNEL } from '../../../src/contract/contract';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import {
  electronFake,
  type FakeBrowserWindow,
  FakeWebContents,
  fakeElectronApp,
  ipcHandlers,
  serveFakeRenderer,
} from './electron-fake';

vi.mock('electron', () => electronFake());

const { bindContract } = await import('../../../src/main/ipc');
const { showMainWindow } = await import('../../../src/main/window');
serveFakeRenderer();

const ownWindow = new FakeWebContents();
const OWN_URL = 'unhunch://app/index.html';

function boundApp() {
  const cwd = mkdtempSync(join(tmpdir(), 'unhunch-ipc-'));
  const app = openApp({
    dataDir: cwd,
    clock: new VirtualClock(Date.parse('2026-11-23T09:30:00+01:00')),
    timeZone: 'Europe/Berlin',
  });
  ipcHandlers.clear();
  bindContract(app, {
    isOurWindow: (sender) => sender === (ownWindow as never),
    rendererOrigins: ['unhunch://app'],
  });
  const handler = ipcHandlers.get(IPC_CALL_CHANNEL)!;
  const invoke = (sender: unknown, url: string, name: unknown, input?: unknown) =>
    handler({ sender, senderFrame: { url } }, name, input);
  return { app, invoke };
}

describe('the IPC binding', () => {
  it('answers our own window through the contract', async () => {
    const { invoke } = boundApp();
    expect(await invoke(ownWindow, OWN_URL, 'pause', { minutes: 30 })).toEqual({
      ok: true,
      value: { ok: true },
    });
  });

  it('answers our window on any of its pages, told apart by the hash', async () => {
    const { invoke } = boundApp();
    expect(await invoke(ownWindow, `${OWN_URL}#break`, 'getStatus')).toMatchObject({ ok: true });
    expect(
      await invoke(ownWindow, OWN_URL.replace('index.html', 'other.html'), 'getStatus'),
    ).toMatchObject({ ok: false, error: expect.stringContaining('refused') });
  });

  it('refuses calls from any other frame or page, and changes nothing', async () => {
    const { app, invoke } = boundApp();
    const stranger = new FakeWebContents();
    expect(await invoke(stranger, OWN_URL, 'pause', { minutes: 30 })).toMatchObject({ ok: false });
    for (const url of [
      'https://evil.example/',
      'unhunch://elsewhere/index.html',
      'file:///opt/Unhunch/resources/app.asar/out/renderer/index.html',
      'not a url',
    ]) {
      expect(await invoke(ownWindow, url, 'pause', { minutes: 30 })).toMatchObject({
        ok: false,
        error: expect.stringContaining('refused'),
      });
    }
    expect(app.status().state).not.toBe('paused');
  });

  it('accepts the window it made wherever the app is installed: %, [, ], spaces, non-ASCII', async () => {
    // The page's URL no longer holds the install path, so no encoding of it can differ.
    const { invoke } = boundApp();
    fakeElectronApp.appPath = '/opt/Ünhünch 100% [beta]/resources/app.asar';
    const window = showMainWindow('therapy') as unknown as FakeBrowserWindow;
    expect(await invoke(ownWindow, window.webContents.getURL(), 'getStatus')).toMatchObject({
      ok: true,
    });
  });

  it('validates every payload from our own window too', async () => {
    const { app, invoke } = boundApp();
    expect(await invoke(ownWindow, OWN_URL, 'pause', { minutes: -5 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('input.minutes'),
    });
    expect(await invoke(ownWindow, OWN_URL, 'pause', '30')).toMatchObject({ ok: false });
    expect(app.status().state).not.toBe('paused');
  });
});
