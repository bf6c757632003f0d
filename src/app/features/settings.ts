import type { HandlersFor, SettingsView, settingsCalls } from '../../contract/contract';
import type { AppContext } from '../context';

export function settingsView(ctx: AppContext): SettingsView {
  return {
    effective: ctx.settings.effectiveFile() as unknown as Record<string, unknown>,
    user: ctx.settings.user() as Record<string, unknown>,
    locked: ctx.settings.locked(),
    managed: ctx.settings.policy() !== undefined,
  };
}

export function settingsHandlers(ctx: AppContext): HandlersFor<typeof settingsCalls> {
  return {
    getSettings: () => settingsView(ctx),
    updateSettings: (change) => {
      const result = ctx.settings.update(change);
      if (!result.ok) ctx.logger.warn(`settings change refused: ${result.reason}`);
      return result;
    },
  };
}
