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

/**
 * A refused request as the log keeps it: a short code, never which call, which kind,
 * how long, when or the reason in words. The person is told why on screen; the log is
 * about the app, not about what they did (docs/security.md).
 */
export function logRefusal(logger: Logger, code: string, level: 'info' | 'warn' = 'info') {
  logger[level](`request refused (${code})`);
}

/** One line of the history: something that happened, when (wall-clock epoch ms). */
export interface HistoryRecord {
  at: number;
  type: string;
  [field: string]: unknown;
}

/** The append-only history, kept only on this machine (record types: docs/history.md). */
export interface HistoryStore {
  append(record: HistoryRecord): void;
  read(): HistoryRecord[];
  clear(): void;
  /** Drop every record older than `keepFrom` (epoch ms), rewriting the file atomically. */
  compact(keepFrom: number): { kept: number; dropped: number };
  /**
   * What a store on disk adds so a big history is never read whole on the main thread:
   * its size, its last bytes, a streamed read of its lines, and a streamed compaction.
   * A store without them (in memory, a test's) is read with `read()`.
   */
  size?(): number;
  tail?(bytes: number): HistoryTail;
  scan?(onLine: (line: string) => void, endByte: number): Promise<void>;
  compactStreaming?(keepFrom: number, endByte: number): Promise<{ kept: number; dropped: number }>;
}

/** The end of the history file: its whole lines, and whether they are the whole file. */
export interface HistoryTail {
  size: number;
  lines: string[];
  whole: boolean;
}
