import type { App } from 'electron';

/**
 * The app's identity on Windows: a toast shows only for an app whose AppUserModelID
 * matches its Start menu shortcut, which the installers make with electron-builder.yml's
 * `appId`. Without it Windows drops every notification, break warnings and the heat and
 * ice end alert included.
 */
export const APP_USER_MODEL_ID = 'org.unhunch.app';

export function identifyApp(
  app: Pick<App, 'setAppUserModelId'>,
  platform: NodeJS.Platform = process.platform,
) {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}
