import { afterEach, describe, expect, it, vi } from 'vitest';
import { trayModel } from '../../../src/app/tray';
import { createTranslator } from '../../../src/contract/i18n';
import { running } from '../app/running-status';
import { electronFake, fakeNativeTheme, liveTray } from './electron-fake';

vi.mock('electron', () => electronFake());

const { createTray } = await import('../../../src/main/tray');
const { t } = await createTranslator('en');

const views: { destroy(): void }[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
  fakeNativeTheme.themeSource = 'system';
  fakeNativeTheme.systemIntegratedDark = false;
});

describe('the tray icon and menu as drawn', () => {
  it("on Windows follows the taskbar's colour, not the app's dark theme", () => {
    fakeNativeTheme.themeSource = 'dark';
    fakeNativeTheme.systemIntegratedDark = false;
    const view = createTray(() => {}, { platform: 'win32', theme: fakeNativeTheme });
    views.push(view);
    view.update(trayModel(running, t));
    expect(liveTray()!.image.path).toMatch(/tray-light\.png$/);

    fakeNativeTheme.systemIntegratedDark = true;
    fakeNativeTheme.emit('updated');
    expect(liveTray()!.image.path).toMatch(/tray-dark\.png$/);
  });

  it('on macOS is a template image', () => {
    const view = createTray(() => {}, { platform: 'darwin', theme: fakeNativeTheme });
    views.push(view);
    view.update(trayModel(running, t));
    expect(liveTray()!.image.isTemplateImage()).toBe(true);
  });

  it('hands the app the action of the item picked, in a submenu too', () => {
    const picked: unknown[] = [];
    const view = createTray((action) => picked.push(action), {
      platform: 'linux',
      theme: fakeNativeTheme,
    });
    views.push(view);
    view.update(trayModel(running, t));
    const tray = liveTray()!;
    expect(tray.menuItems().find((item) => /Next break/.test(item.label ?? ''))?.enabled).toBe(
      false,
    );
    tray.clickItem('For 2 hours');
    tray.clickItem('Take a break now');
    expect(picked).toEqual([
      { type: 'call', call: { name: 'pause', input: { minutes: 120 } } },
      { type: 'call', call: { name: 'takeBreakNow', input: undefined } },
    ]);
  });
});
