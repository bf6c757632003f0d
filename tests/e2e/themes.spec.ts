import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright/test';
import { expect, tabTo, test } from './web-host';

/**
 * Light and dark: the system's choice unless the `theme` setting says otherwise, on
 * every page; and the exercise drawings (strokes in `currentColor` and the accent)
 * readable on either.
 */

const LIGHT_BACKGROUND = 'rgb(247, 247, 244)';
const DARK_BACKGROUND = 'rgb(22, 27, 25)';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme setting wins over the system, by keyboard, and "As the system is set" follows it again', async ({
  page,
  host,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${host.url}#settings`);
  const theme = page.getByRole('combobox', { name: 'Light or dark' });
  await expect(theme).toHaveValue('system');
  expect(await background(page)).toBe(LIGHT_BACKGROUND);

  await tabTo(page, theme, 90);
  await page.keyboard.press('End');
  await expect(theme).toHaveValue('dark');
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(DARK_BACKGROUND);
  expect(JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8'))).toEqual({
    version: 1,
    settings: { theme: 'dark' },
  });

  // Every page, and every page opened later, in the chosen theme.
  await page.goto(`${host.url}#checklist`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(DARK_BACKGROUND);

  // Light chosen while the system is dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${host.url}#settings`);
  await theme.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background(page)).toBe(LIGHT_BACKGROUND);

  // Back to the system's: dark again, and it follows the system as that changes.
  await theme.selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await background(page)).toBe(DARK_BACKGROUND);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
});

/** WCAG contrast of two sRGB colours, each [r, g, b] in 0–255. */
function contrast(a: number[], b: number[]): number {
  const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
    const linear = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colours a drawing is drawn in (the person in `currentColor`, the movement arrows
 * in the accent; the faint "where you started" outlines are left out), and the colour
 * under it: the figure's tint laid over the card, as the browser paints them.
 */
async function drawingColours(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    };
    const figure = document.querySelector('[data-testid="exercise-figure"]')!;
    // Paint each background from the page up to the figure, as the browser does.
    const layers: string[] = [];
    for (let node: Element | null = figure; node; node = node.parentElement) {
      layers.unshift(getComputedStyle(node).backgroundColor);
    }
    context.clearRect(0, 0, 1, 1);
    for (const layer of layers) {
      context.fillStyle = layer;
      context.fillRect(0, 0, 1, 1);
    }
    const under = [...context.getImageData(0, 0, 1, 1).data].slice(0, 3);
    const strokes = new Set<string>();
    for (const shape of figure.querySelectorAll('svg *')) {
      if (shape.closest('[opacity]')) continue;
      const style = getComputedStyle(shape);
      for (const paint of [style.stroke, style.fill]) {
        if (paint !== 'none' && !paint.startsWith('url')) strokes.add(paint);
      }
    }
    return { under, strokes: [...strokes].map((css) => ({ css, rgb: rgba(css).slice(0, 3) })) };
  });
}

test('the exercise drawings keep at least 3:1 against their background in light and dark', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#exercises`);
  await expect(page.locator('[data-testid="exercise-figure"] svg').first()).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { under, strokes } = await drawingColours(page);
    // The person and the arrows: two colours at least.
    expect(strokes.length).toBeGreaterThanOrEqual(2);
    for (const { css, rgb } of strokes) {
      expect(
        contrast(rgb, under),
        `${css} on rgb(${under.join(', ')}), ${colorScheme}`,
      ).toBeGreaterThanOrEqual(3);
    }
  }
});

test('checkboxes, radios and links take the theme’s colours, not the browser’s blue, in light and dark', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#settings`);
  const box = page.getByTestId('setting-microBreak-enabled');
  await expect(box).toBeVisible();
  const browserBlue = ['auto', 'rgb(0, 0, 238)', 'rgb(0, 117, 255)'];
  for (const [colorScheme, accent] of [
    ['light', 'rgb(31, 111, 92)'],
    ['dark', 'rgb(127, 209, 185)'],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    const accentColor = await box.evaluate((input) => getComputedStyle(input).accentColor);
    expect(accentColor, colorScheme).toBe(accent);
    await page.goto(`${host.url}#checklist`);
    const link = page.locator('#page a').first();
    await expect(link).toBeVisible();
    const linkColor = await link.evaluate((a) => getComputedStyle(a).color);
    expect(browserBlue, `${colorScheme} link ${linkColor}`).not.toContain(linkColor);
    await page.goto(`${host.url}#settings`);
    await expect(box).toBeVisible();
  }
});
