import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './web-host';
test('probe', async ({ page, host }) => {
  await page.goto(`${host.url}#stats`);
  await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
  let t0 = Date.now();
  const r = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa']).analyze();
  const reasons = new Map<string, number>(); for (const i of r.incomplete) for (const n of i.nodes) { const k = String((n.any[0]?.data as any)?.messageKey) + ' ' + n.target.join(' ').slice(0,40); reasons.set(k, (reasons.get(k) ?? 0) + 1); } console.log([...reasons].slice(0,30).join('\n')); console.log('ms', Date.now() - t0, 'violations', r.violations.length, 'passes', r.passes.length, 'incomplete', r.incomplete.map(i => i.id + ':' + i.nodes.length).join(','));
  t0 = Date.now();
  const r2 = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa']).analyze();
  console.log('ms', Date.now() - t0);
});
