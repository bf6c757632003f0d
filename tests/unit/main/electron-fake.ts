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
    this.destroy();
  }
  /** As Electron's: no 'close' to prevent, the page goes with the window, then 'closed'. */
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** The renderer process dies, as Electron reports it. */
  crashRenderer(reason = 'crashed', exitCode = 139) {
    this.webContents.emit('render-process-gone', {}, { reason, exitCode });
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

/**
 * Electron's `app` as far as launching goes: the single-instance lock (held elsewhere
 * when a test says so), `quit`, and 'second-instance' through EventEmitter's `on`/`emit`.
 */
export class FakeElectronApp extends EventEmitter {
  lockHeldElsewhere = false;
  /** What this instance handed the lock's holder (Electron's additionalData). */
  lockData: unknown = undefined;
  quits = 0;
  requestSingleInstanceLock(additionalData?: Record<string, unknown>) {
    this.lockData = additionalData;
    return !this.lockHeldElsewhere;
  }
  quit() {
    this.quits++;
  }
  getPath() {
    return '/tmp/unhunch-fake-electron';
  }
  getName() {
    return 'unhunch';
  }
  getVersion() {
    return '0.0.0';
  }
  getAppPath() {
    return process.cwd();
  }
  /** A second launch: Electron hands the first instance its argv and its lock data. */
  launchAgain(argv: string[], additionalData: unknown = { argv: argv.slice(1) }) {
    this.emit('second-instance', {}, argv, process.cwd(), additionalData);
  }
}
export const fakeElectronApp = new FakeElectronApp();

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
    app: fakeElectronApp,
  };
  // `import electron from 'electron'` (electron-store) and named imports (our code).
  return { ...electron, default: electron };
}
