import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A stand-in for the `electron` module, which cannot run in plain Node. It records what
 * our main-process code asks of Electron so tests can check it, and it is strict where
 * Electron is: it throws (and records the fault in `violations`) for APIs used before
 * `ready`, `protocol.registerSchemesAsPrivileged` after it, a quit that a window's
 * vetoed `close` would cancel, a `file://` page from inside app.asar with the fuse
 * grantFileProtocolExtraPrivileges off, a page of an unknown or unprivileged scheme, a
 * module script served with the wrong MIME type, and a tray icon from a missing file.
 * A Tray dropped without `destroy()` (Electron's disappears when garbage collected) is
 * counted by `collectedTrays()`.
 *
 * Two ways in: `vi.mock('electron', () => electronFake())` for unit tests of one main
 * module (the app counts as ready) and the whole-host test, or as the `electron` module
 * itself, through a module resolve hook, for the built out/main/index.js
 * (tests/packaging/built-main.test.ts) and the wakeup bench (bench/host/register.ts).
 * It is the repo's one fake Electron.
 * Written in erasable TypeScript so Node runs it without a compiler.
 */

/** Every fault Electron would have stopped: a test of the whole app expects none. */
export const violations: string[] = [];

function violation(message: string): Error {
  violations.push(message);
  return new Error(`electron-fake: ${message}`);
}

/** The fuses as the installers set them (electron-builder.yml). */
export const fakeFuses = { grantFileProtocolExtraPrivileges: false };

function requireReady(api: string) {
  if (!fakeElectronApp.ready) {
    throw violation(`${api} cannot be used before the app is ready`);
  }
}

// ---------------------------------------------------------------- protocol

type SchemePrivileges = { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean };
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const fakeProtocol = {
  privileged: new Map<string, SchemePrivileges>(),
  handlers: new Map<string, ProtocolHandler>(),
  registeredOnce: false,
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: SchemePrivileges }[]) {
    if (fakeElectronApp.ready) {
      throw violation(
        'protocol.registerSchemesAsPrivileged must be called before the app is ready',
      );
    }
    if (fakeProtocol.registeredOnce) {
      throw violation('protocol.registerSchemesAsPrivileged can be called only once');
    }
    fakeProtocol.registeredOnce = true;
    for (const { scheme, privileges } of schemes) {
      fakeProtocol.privileged.set(scheme, privileges ?? {});
    }
  },
  handle(scheme: string, handler: ProtocolHandler) {
    requireReady('protocol.handle');
    if (fakeProtocol.handlers.has(scheme)) {
      throw violation(`protocol.handle: the scheme ${scheme} is already handled`);
    }
    fakeProtocol.handlers.set(scheme, handler);
  },
  unhandle(scheme: string) {
    fakeProtocol.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string) {
    return fakeProtocol.handlers.has(scheme);
  },
};

/**
 * For unit tests of one module (the app already ready): `scheme` privileged and served
 * with a minimal page, as src/main/index.ts sets it up before any window.
 */
export function serveFakeRenderer(scheme = 'unhunch') {
  fakeProtocol.privileged.set(scheme, { standard: true, secure: true });
  fakeProtocol.handlers.set(
    scheme,
    () =>
      new Response('<!doctype html><title>Unhunch</title>', {
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      }),
  );
}

/** What Chromium would fetch to show `url` through a custom scheme, checked as it would. */
async function fetchPage(url: string): Promise<void> {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  const handler = fakeProtocol.handlers.get(scheme);
  if (!handler) throw violation(`no handler for the scheme of ${url} (ERR_UNKNOWN_URL_SCHEME)`);
  const privileges = fakeProtocol.privileged.get(scheme);
  const pageUrl = url.split('#')[0]!;
  const page = await handler(new Request(pageUrl));
  if (page.status !== 200) throw violation(`${pageUrl} answered ${page.status}`);
  const html = await page.text();
  // Module scripts and style sheets load from the page's origin: only a standard
  // scheme has one, and Chromium runs a module only when it is served as JavaScript.
  const assets = [
    ...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => new URL(match[1]!, pageUrl).href);
  for (const asset of assets) {
    if (!privileges?.standard) {
      throw violation(`${asset}: the scheme ${scheme} is not standard, so the page has no origin`);
    }
    const answer = await handler(new Request(asset));
    const type = answer.headers.get('content-type') ?? '';
    const wanted = asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/;
    if (answer.status !== 200 || !wanted.test(type)) {
      throw violation(`${asset} answered ${answer.status} as "${type}"`);
    }
  }
}

// ---------------------------------------------------------------- windows

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
    if (this.destroyed) throw violation('webContents.send on a destroyed webContents');
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  /** Emit 'ready-to-show' once a page has loaded, as Electron does (off: tests emit it). */
  static autoReadyToShow = false;
  static getAllWindows() {
    return FakeBrowserWindow.created.filter((window) => !window.destroyed);
  }
  options: Record<string, unknown>;
  webContents = new FakeWebContents();
  /** The URL last loaded. */
  loaded: string | null = null;
  loadedHash: string | null = null;
  /** The last load, settled once the page and its module scripts came (or failed). */
  loading: Promise<void> = Promise.resolve();
  destroyed = false;
  shown = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(options: Record<string, unknown>) {
    super();
    requireReady('new BrowserWindow()');
    this.options = options;
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    FakeBrowserWindow.created.push(this);
    fakeElectronApp.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    const parsed = new URL(url);
    this.loaded = url;
    this.loadedHash = parsed.hash ? parsed.hash.slice(1) : null;
    this.webContents.url = url;
    if (parsed.protocol === 'file:') {
      const file = decodeURIComponent(parsed.pathname);
      if (
        fakeElectronApp.isPackaged &&
        !fakeFuses.grantFileProtocolExtraPrivileges &&
        (file.startsWith(fakeElectronApp.getAppPath() + sep) || /\.asar[/\\]/.test(file))
      ) {
        throw violation(
          `${url} is inside app.asar and the fuse grantFileProtocolExtraPrivileges is off: the window stays blank`,
        );
      }
      this.loading = Promise.resolve();
    } else if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      this.loading = Promise.resolve();
    } else {
      this.loading = fetchPage(url);
    }
    const loading = this.loading.then(() => {
      if (FakeBrowserWindow.autoReadyToShow && !this.destroyed) this.emit('ready-to-show');
    });
    return loading;
  }
  loadFile(file: string, options?: { hash?: string }) {
    return this.loadURL(`${pathToFileURL(file).href}${options?.hash ? `#${options.hash}` : ''}`);
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
  setBounds(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = { ...bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  showInactive() {
    this.shown = true;
  }
  /** Electron's close: 'close' may be prevented; otherwise the window is destroyed. */
  close() {
    if (this.destroyed) return;
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

// ---------------------------------------------------------------- screen

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** The displays `screen` reports; tests set them. The first is the primary one. */
export const fakeDisplays: FakeDisplay[] = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
];

class FakeScreen extends EventEmitter {
  getAllDisplays() {
    requireReady('screen');
    return fakeDisplays;
  }
  getPrimaryDisplay() {
    requireReady('screen');
    return fakeDisplays[0];
  }
  /** A display plugged in: 'display-added', as Electron tells it. */
  addDisplay(display: FakeDisplay) {
    fakeDisplays.push(display);
    this.emit('display-added', {}, display);
  }
  /** A display's resolution or place changed: 'display-metrics-changed'. */
  changeDisplay(id: number, bounds: FakeDisplay['bounds']) {
    const index = fakeDisplays.findIndex((each) => each.id === id);
    if (index < 0) return;
    const changed = { ...fakeDisplays[index]!, bounds };
    fakeDisplays[index] = changed;
    this.emit('display-metrics-changed', {}, changed, ['bounds']);
  }
  /** A display unplugged: 'display-removed'. */
  removeDisplay(id: number) {
    const index = fakeDisplays.findIndex((display) => display.id === id);
    if (index < 0) return;
    const [removed] = fakeDisplays.splice(index, 1);
    this.emit('display-removed', {}, removed);
  }
}
export const fakeScreen = new FakeScreen();

// ---------------------------------------------------------------- notifications

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  options: Record<string, unknown>;
  closed = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
  }
  show() {
    requireReady('Notification.show');
    FakeNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
  /** The system could not show it (Windows reports 'failed', e.g. with no AppUserModelID). */
  fail(error = 'the notification could not be shown') {
    this.emit('failed', {}, error);
  }
}

// ---------------------------------------------------------------- tray and images

export interface FakeImage {
  path: string;
  template: boolean;
  isEmpty(): boolean;
  setTemplateImage(on: boolean): void;
  isTemplateImage(): boolean;
}

export const fakeNativeImage = {
  createFromPath(path: string): FakeImage {
    const found = existsSync(path);
    const image: FakeImage = {
      path,
      template: /Template(@\dx)?\.png$/.test(path),
      isEmpty: () => !found,
      setTemplateImage(on: boolean) {
        image.template = on;
      },
      isTemplateImage: () => image.template,
    };
    return image;
  },
};

export interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export const fakeMenu = {
  buildFromTemplate(template: FakeMenuItem[]) {
    return { items: template };
  },
};

const trayFinalizer = new FinalizationRegistry<{ destroyed: boolean }>((state) => {
  if (!state.destroyed) trayCollections.count++;
});
const trayCollections = { count: 0 };
/** Weak: holding the trays here would hide the fault this detects. */
const trays: WeakRef<FakeTray>[] = [];

export class FakeTray extends EventEmitter {
  image: FakeImage;
  tooltip = '';
  title = '';
  menu: { items: FakeMenuItem[] } | null = null;
  state = { destroyed: false };
  constructor(image: FakeImage) {
    super();
    requireReady('new Tray()');
    this.image = this.checked(image);
    trayFinalizer.register(this, this.state);
    trays.push(new WeakRef(this));
  }
  private checked(image: FakeImage) {
    if (image.isEmpty()) throw violation(`the tray icon ${image.path} does not exist`);
    return image;
  }
  setImage(image: FakeImage) {
    this.image = this.checked(image);
  }
  setToolTip(tooltip: string) {
    this.tooltip = tooltip;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setContextMenu(menu: { items: FakeMenuItem[] }) {
    this.menu = menu;
  }
  destroy() {
    this.state.destroyed = true;
  }
  isDestroyed() {
    return this.state.destroyed;
  }
  /** Every item of the menu, submenus opened, in order. */
  menuItems(): FakeMenuItem[] {
    const open = (items: FakeMenuItem[]): FakeMenuItem[] =>
      items.flatMap((item) => [item, ...open(item.submenu ?? [])]);
    return open(this.menu?.items ?? []);
  }
  /** Clicks the menu item with this label, in a submenu too; a disabled one cannot be. */
  clickItem(label: string | RegExp) {
    const item = this.menuItems().find((each) =>
      typeof label === 'string' ? each.label === label : label.test(each.label ?? ''),
    );
    if (!item?.click || item.enabled === false) {
      throw new Error(`the tray menu has no item ${String(label)} to click`);
    }
    item.click();
  }
}

/** The tray on screen now (a weak look-up: it keeps nothing alive). */
export function liveTray(): FakeTray | null {
  for (const ref of trays) {
    const tray = ref.deref();
    if (tray && !tray.isDestroyed()) return tray;
  }
  return null;
}

/**
 * Collects garbage and says how many trays went with it undestroyed: each one was an
 * icon that vanished from a real taskbar because nothing referenced it.
 */
export async function collectedTrays(): Promise<number> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let round = 0; round < 3; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return trayCollections.count;
}

// ---------------------------------------------------------------- theme

/** `nativeTheme`: setting `themeSource` emits 'updated', as Electron does when the colours change. */
export class FakeNativeTheme extends EventEmitter {
  #source: 'system' | 'light' | 'dark' = 'system';
  /** What the operating system is set to for apps. */
  systemDark = false;
  /** What the taskbar (Windows) or menu bar is drawn in: not changed by `themeSource`. */
  systemIntegratedDark = false;
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
  get shouldUseDarkColorsForSystemIntegratedUI() {
    return this.systemIntegratedDark;
  }
}
export const fakeNativeTheme = new FakeNativeTheme();

// ---------------------------------------------------------------- app

export const beeps: number[] = [];

export const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
export const openedExternally: string[] = [];

/**
 * Electron's `app`: `ready` (a unit test's app is ready already; the built app's waits
 * for `becomeReady()`), paths, the single-instance lock (held elsewhere when a test says
 * so) and `quit`, which goes as Electron's does: 'before-quit', every window closed
 * (a vetoed close cancels the quit: here it throws), 'will-quit', 'quit'.
 */
export class FakeElectronApp extends EventEmitter {
  ready = true;
  isPackaged = false;
  lockHeldElsewhere = false;
  /** What this instance handed the lock's holder (Electron's additionalData). */
  lockData: unknown = undefined;
  quits = 0;
  quitted = false;
  appUserModelId: string | null = null;
  paths = new Map<string, string>([['userData', '/tmp/unhunch-fake-electron']]);
  appPath = process.cwd();
  loginItem = { openAtLogin: false };
  #readyWaiters: (() => void)[] = [];
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.push(resolve));
  }
  isReady() {
    return this.ready;
  }
  /** Electron finished starting: 'ready' and whenReady(). */
  becomeReady() {
    this.ready = true;
    this.emit('ready');
    for (const resolve of this.#readyWaiters.splice(0)) resolve();
  }
  requestSingleInstanceLock(additionalData?: Record<string, unknown>) {
    this.lockData = additionalData;
    return !this.lockHeldElsewhere;
  }
  quit() {
    this.quits++;
    let prevented = false;
    this.emit('before-quit', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (prevented) return;
    for (const window of FakeBrowserWindow.getAllWindows()) {
      window.close();
      if (!window.destroyed) {
        throw violation(
          `quitting was cancelled: the window "${String(window.options.title)}" prevented its close`,
        );
      }
    }
    this.emit('will-quit', { preventDefault: () => {} });
    this.quitted = true;
    this.emit('quit', {}, 0);
  }
  setPath(name: string, path: string) {
    this.paths.set(name, path);
  }
  getPath(name: string) {
    return this.paths.get(name) ?? `/tmp/unhunch-fake-electron/${name}`;
  }
  getName() {
    return 'unhunch';
  }
  getVersion() {
    return '0.0.0';
  }
  getAppPath() {
    return this.appPath;
  }
  getLocale() {
    return 'en-US';
  }
  getPreferredSystemLanguages() {
    return ['en-US'];
  }
  setAppUserModelId(id: string) {
    this.appUserModelId = id;
  }
  getLoginItemSettings() {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }) {
    this.loginItem = { ...settings };
  }
  /** A second launch: Electron hands the first instance its argv and its lock data. */
  launchAgain(argv: string[], additionalData: unknown = { argv: argv.slice(1) }) {
    this.emit('second-instance', {}, argv, process.cwd(), additionalData);
  }
}
export const fakeElectronApp = new FakeElectronApp();

class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime() {
    requireReady('powerMonitor');
    return this.idleSeconds;
  }
}
export const fakePowerMonitor = new FakePowerMonitor();

function fakeSession() {
  return {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
  };
}
const defaultSession = fakeSession();

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

export const fakeShell = {
  beep: () => {
    beeps.push(Date.now());
  },
  openExternal: (url: string) => {
    openedExternally.push(url);
    return Promise.resolve();
  },
};

export const ipcMain = {
  handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
    if (ipcHandlers.has(channel)) {
      throw violation(`ipcMain.handle: a second handler for '${channel}'`);
    }
    ipcHandlers.set(channel, handler);
  },
  on: () => {},
};

/**
 * As a new process, for tests that start the whole host more than once: the app not
 * ready and not quit, no scheme registered or handled, no IPC handler, no listener on
 * Electron's emitters, no window or notification. `violations` stay for the test to check.
 */
export function freshProcess() {
  fakeElectronApp.ready = false;
  fakeElectronApp.quitted = false;
  fakeElectronApp.quits = 0;
  fakeProtocol.privileged.clear();
  fakeProtocol.handlers.clear();
  fakeProtocol.registeredOnce = false;
  ipcHandlers.clear();
  for (const emitter of [fakeElectronApp, fakePowerMonitor, fakeNativeTheme, fakeScreen]) {
    emitter.removeAllListeners();
  }
  FakeBrowserWindow.created.length = 0;
  FakeNotification.shown.length = 0;
}

// The module's own names, for `import { app, BrowserWindow } from 'electron'` when this
// file stands in for the module itself.
export {
  FakeBrowserWindow as BrowserWindow,
  FakeNotification as Notification,
  FakeTray as Tray,
  fakeElectronApp as app,
  fakeMenu as Menu,
  fakeNativeImage as nativeImage,
  fakeNativeTheme as nativeTheme,
  fakePowerMonitor as powerMonitor,
  fakeProtocol as protocol,
  fakeScreen as screen,
  fakeShell as shell,
};

/** The module as `vi.mock('electron', () => electronFake())` needs it. */
export function electronFake() {
  const electron = {
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    Menu: fakeMenu,
    nativeImage: fakeNativeImage,
    Notification: FakeNotification,
    nativeTheme: fakeNativeTheme,
    powerMonitor: fakePowerMonitor,
    protocol: fakeProtocol,
    screen: fakeScreen,
    session,
    shell: fakeShell,
    Tray: FakeTray,
    app: fakeElectronApp,
  };
  // `import electron from 'electron'` (electron-store) and named imports (our code).
  return { ...electron, default: electron };
}

export default electronFake().default;
