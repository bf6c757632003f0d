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
  url = '';
  reloads = 0;
  reload() {
    this.reloads++;
  }
  getURL() {
    return this.url;
  }
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
  loadedHash: string | null = null;
  destroyed = false;
  shown = false;
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadFile(file: string, options?: { hash?: string }) {
    this.loaded = file;
    this.loadedHash = options?.hash ?? null;
    this.webContents.url = `file://${file}${options?.hash ? `#${options.hash}` : ''}`;
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
  focused = false;
  focus() {
    this.focused = true;
  }
  alwaysOnTopLevel: string | null = null;
  setAlwaysOnTop(flag: boolean, level = 'floating') {
    this.alwaysOnTopLevel = flag ? level : null;
  }
  setVisibleOnAllWorkspaces() {}
  showInactive() {
    this.shown = true;
  }
  close() {
    let prevented = false;
    this.emit('close', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

/** The displays `screen` reports; tests set them. The first is the primary one. */
export const fakeDisplays: {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  closed = false;
  constructor(public options: Record<string, unknown>) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

/** `nativeTheme`: setting `themeSource` emits 'updated', as Electron does when the colours change. */
export class FakeNativeTheme extends EventEmitter {
  #source: 'system' | 'light' | 'dark' = 'system';
  /** What the operating system is set to. */
  systemDark = false;
  get themeSource() {
    return this.#source;
  }
  set themeSource(source: 'system' | 'light' | 'dark') {
    this.#source = source;
    this.emit('updated');
  }
  get shouldUseDarkColors() {
    return this.#source === 'system' ? this.systemDark : this.#source === 'dark';
  }
}
export const fakeNativeTheme = new FakeNativeTheme();

export const beeps: number[] = [];

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
    Notification: FakeNotification,
    nativeTheme: fakeNativeTheme,
    screen: {
      getAllDisplays: () => fakeDisplays,
      getPrimaryDisplay: () => fakeDisplays[0],
    },
    shell: {
      beep: () => beeps.push(Date.now()),
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
