/**
 * What the app asks of its host besides the core's Clock: somewhere to keep the
 * user's settings. electron-store in src/main, conf or plain files elsewhere.
 */
export interface SettingsStore {
  /** The user's own choices as stored (the settings file shape), or undefined when none. */
  load(): unknown;
  save(userSettings: Record<string, unknown>): void;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
