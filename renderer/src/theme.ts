import type { SettingsView, UnhunchApi } from '../../src/contract/contract';

/**
 * The `theme` setting as `<html data-theme>`: "light" or "dark" win over the system's
 * `prefers-color-scheme` in styles.css; "system" (no attribute) follows it. In
 * Electron the main process also sets `nativeTheme.themeSource`, so both agree.
 */
export function followTheme(api: UnhunchApi): void {
  const apply = ({ effective }: SettingsView) => {
    const root = document.documentElement;
    if (effective.theme === 'light' || effective.theme === 'dark') {
      root.dataset.theme = effective.theme;
    } else {
      delete root.dataset.theme;
    }
  };
  api.on('settings', apply);
  void api.call('getSettings').then(apply);
}
