import { rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright/test';
import { expect, startWebHostProcess, test, type WebHostProcess } from './web-host';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let shared: WebHostProcess;
test.beforeAll(async () => {
  shared = await startWebHostProcess();
});
test.afterAll(() => {
  shared.process.kill();
  rmSync(shared.dataDir, { recursive: true, force: true });
});

async function axe(page: Page, what: string) {
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const v of violations)
      for (const n of v.nodes)
        out.push(`${what} ${colorScheme} ${v.id}: ${n.target.join(' ')} :: ${n.failureSummary?.replace(/\n/g, ' | ')}`);
  }
  return out;
}

for (const id of ['status', 'exercises', 'checklist', 'breathing', 'core-routine', 'health', 'therapy', 'stats', 'settings']) {
  test(`axe ${id}`, async ({ page }) => {
    await page.goto(`${shared.url}#${id}`);
    await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
    await page.waitForTimeout(300);
    const out = await axe(page, id);
    console.log(out.join('\n'));
  });
}
