import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyApp } from '../../../src/main/app-identity';

/** The appId the installers give the Start menu shortcut (electron-builder.yml). */
function installersAppId(): string {
  const config = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
  return /^appId:\s*(\S+)\s*$/m.exec(config)?.[1] ?? '';
}

describe("the app's identity on Windows", () => {
  it("is the installers' appId, so Windows shows Unhunch's toasts", () => {
    const told: string[] = [];
    identifyApp({ setAppUserModelId: (id: string) => told.push(id) }, 'win32');
    expect(installersAppId()).toBe('org.unhunch.app');
    expect(told).toEqual([installersAppId()]);
  });

  it('is not set where the call does not exist (macOS, Linux)', () => {
    const told: string[] = [];
    for (const platform of ['darwin', 'linux'] as const) {
      identifyApp({ setAppUserModelId: (id: string) => told.push(id) }, platform);
    }
    expect(told).toEqual([]);
  });
});
