import { EventEmitter } from 'node:events';
import { join } from 'node:path';

/**
 * Enough of the `electron` module to run the Electron host (src/main) in plain Node for
 * the bench (bench/host/day.ts): it counts no time of its own and arms no timer. What
 * the bench reads back is in `benchState`. Lenient on purpose: a method the host calls
 * that is not listed here does nothing (unit tests use the strict fake in
 * tests/unit/main/electron-fake.ts).
 */
export const benchState = {
  /** What the tray shows now, and how often it was drawn. */
  tray: { tooltip: '', title: '', draws: 0 },
  /** Seconds since the last keyboard or mouse input, when asked: a user at the keyboard by default. */
  idle: (): number => 0,
  windowsOpened: 0,
  notificationsShown: 0,
};

function lenient<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (key in object || typeof key === 'symbol' || key === 'then') {
        return Reflect.get(object, key, receiver);
      }
      return () => undefined;
    },
  });
}

class FakeWebContents extends EventEmitter {
  isDestroyed = () => false;
  getURL = () => '';
}

class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = () => [];
  webContents = lenient(new FakeWebContents());
  #destroyed = false;
  constructor() {
    super();
    benchState.windowsOpened++;
    // biome-ignore lint/correctness/noConstructorReturn: a lenient window for the bench
    return lenient(this);
  }
  loadFile = () => Promise.resolve();
  loadURL = () => Promise.resolve();
  isDestroyed = () => this.#destroyed;
  isMinimized = () => false;
  close = () => this.destroy();
  destroy = () => {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit('closed');
  };
}

class FakeTray extends EventEmitter {
  constructor() {
    super();
    // biome-ignore lint/correctness/noConstructorReturn: a lenient tray for the bench
    return lenient(this);
  }
  setToolTip = (tooltip: string) => {
    benchState.tray.tooltip = tooltip;
    benchState.tray.draws++;
  };
  setTitle = (title: string) => {
    benchState.tray.title = title;
  };
}

class FakeNotification extends EventEmitter {
  static isSupported = () => true;
  constructor() {
    super();
    // biome-ignore lint/correctness/noConstructorReturn: a lenient notification for the bench
    return lenient(this);
  }
  show = () => {
    benchState.notificationsShown++;
  };
}

const paths = new Map<string, string>();
class FakeApp extends EventEmitter {
  name = 'Unhunch';
  isPackaged = false;
  whenReady = () => Promise.resolve();
  isReady = () => true;
  setPath = (name: string, path: string) => paths.set(name, path);
  getPath = (name: string) => {
    const userData = paths.get('userData') ?? join(process.cwd(), '.bench-user-data');
    return paths.get(name) ?? (name === 'userData' ? userData : join(userData, name));
  };
  getName = () => 'Unhunch';
  getVersion = () => '0.0.0';
  getAppPath = () => process.cwd();
  getLocale = () => 'en-US';
  getPreferredSystemLanguages = () => ['en-US'];
  /** Held elsewhere: importing src/main/index.ts does not start the host; the bench does. */
  requestSingleInstanceLock = () => false;
  getLoginItemSettings = () => ({ openAtLogin: false });
}

export const app = lenient(new FakeApp());
export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Notification = FakeNotification;
export const Menu = { buildFromTemplate: (template: unknown[]) => ({ items: template }) };
export const nativeImage = { createFromPath: (path: string) => ({ path }) };
export const nativeTheme = lenient(
  Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' }),
);
export const powerMonitor = lenient(
  Object.assign(new EventEmitter(), { getSystemIdleTime: () => benchState.idle() }),
);
export const screen = lenient(
  Object.assign(new EventEmitter(), {
    getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }),
  }),
);
export const session = { defaultSession: lenient({}) };
export const ipcMain = lenient(new EventEmitter());
export const shell = lenient({ openExternal: () => Promise.resolve() });
export const webContents = { getAllWebContents: () => [] };
export const dialog = lenient({});

const electron = {
  app,
  BrowserWindow,
  Tray,
  Notification,
  Menu,
  nativeImage,
  nativeTheme,
  powerMonitor,
  screen,
  session,
  ipcMain,
  shell,
  webContents,
  dialog,
};
export default electron;
