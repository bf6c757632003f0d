import log from 'electron-log/main';
import type { Logger } from '../app/ports';

/**
 * electron-log: rotating files in the user's log folder (one 1 MB file and one older
 * one), nothing sent anywhere. Messages are about the app (settings paths, policy
 * files, failures), never about the user's health or breaks.
 */
export function createMainLogger(): Logger {
  log.transports.file.maxSize = 1024 * 1024;
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.UNHUNCH_E2E === '1' ? 'warn' : 'info';
  log.errorHandler.startCatching({ showDialog: false });
  return {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(message),
  };
}
