import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, which cannot run in plain Node: it records
 * what our main-process code asks of Electron so tests can check it. Used through
 * `vi.mock('electron', () => electronFake())`.
 */
export class FakeWebContents extends EventEmitter {
  sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | null = null;
  destroyed = false;
  shown = false;
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadFile(file: string) {
    this.loaded = file;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.shown = true;
  }
  focus() {}
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
}

export const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
export const openedExternally: string[] = [];

export function electronFake() {
  const electron = {
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
        ipcHandlers.set(channel, handler),
      on: () => {},
    },
    shell: {
      openExternal: (url: string) => {
        openedExternally.push(url);
        return Promise.resolve();
      },
    },
    app: {
      getPath: () => '/tmp/unhunch-fake-electron',
      getName: () => 'unhunch',
      getVersion: () => '0.0.0',
      getAppPath: () => process.cwd(),
    },
  };
  // `import electron from 'electron'` (electron-store) and named imports (our code).
  return { ...electron, default: electron };
}
