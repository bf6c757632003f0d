import { type NativeTheme, nativeTheme } from 'electron';
import type { UnhunchApp } from '../app/app';

/**
 * Light or dark as the `theme` setting says, now and whenever the settings change.
 * Electron's `themeSource` drives the window frames, `prefers-color-scheme` in every
 * page and `shouldUseDarkColors`, by which the tray picks its icons ('updated' fires).
 */
export function followThemeSetting(
  unhunch: UnhunchApp,
  theme: Pick<NativeTheme, 'themeSource'> = nativeTheme,
): () => void {
  const apply = () => {
    const chosen = unhunch.context.settings.effective().theme;
    if (theme.themeSource !== chosen) theme.themeSource = chosen;
  };
  apply();
  return unhunch.context.settings.onChange(apply);
}
