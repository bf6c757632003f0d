// Renders the tray and app icons in assets/icons from their SVG sources with headless
// Chromium, so every PNG there can be made again: `node --import tsx scripts/make-icons.ts`.
// Chromium: $UNHUNCH_CHROMIUM, else /usr/bin/chromium (Debian: `apt-get install chromium`).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const iconsDir = fileURLToPath(new URL('../assets/icons/', import.meta.url));

/** One PNG to render: which SVG, in which glyph colour, at which pixel size. */
interface Raster {
  file: string;
  source: 'mark.svg' | 'mark-paused.svg' | 'app-icon.svg';
  color: string;
  size: number;
}

// Glyph colours: dark on light panels, light on dark panels, and pure black for the
// macOS template image, whose colour the system replaces (only the alpha counts).
const glyphColors = { light: '#1f2933', dark: '#f5f7fa', template: '#000000' } as const;

// Tray icons are 16 px at 1x; the @2x files serve HiDPI screens and the macOS menu bar.
function trayRasters(): Raster[] {
  const variants = [
    { name: 'tray-light', color: glyphColors.light },
    { name: 'tray-dark', color: glyphColors.dark },
    { name: 'trayTemplate', color: glyphColors.template },
  ];
  return variants.flatMap(({ name, color }) => {
    const paused =
      name === 'trayTemplate' ? 'trayPausedTemplate' : name.replace('tray-', 'tray-paused-');
    return [
      { file: `${name}.png`, source: 'mark.svg', color, size: 16 },
      { file: `${name}@2x.png`, source: 'mark.svg', color, size: 32 },
      { file: `${paused}.png`, source: 'mark-paused.svg', color, size: 16 },
      { file: `${paused}@2x.png`, source: 'mark-paused.svg', color, size: 32 },
    ] satisfies Raster[];
  });
}

const rasters: Raster[] = [
  ...trayRasters(),
  { file: 'icon.png', source: 'app-icon.svg', color: glyphColors.light, size: 512 },
];

function pageFor(svg: string, raster: Raster): string {
  const sized = svg.replace('<svg ', `<svg width="${raster.size}" height="${raster.size}" `);
  return `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:${raster.size}px;height:${raster.size}px;color:${raster.color};line-height:0">${sized}</div>
</body></html>`;
}

async function main(): Promise<void> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'unhunch-icons-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    deviceScaleFactor: 1,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const raster of rasters) {
      const svg = await readFile(join(iconsDir, raster.source), 'utf8');
      await page.setViewportSize({ width: raster.size, height: raster.size });
      await page.setContent(pageFor(svg, raster));
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: raster.size, height: raster.size },
      });
      await writeFile(join(iconsDir, raster.file), png);
      console.log(`assets/icons/${raster.file} ${raster.size}x${raster.size}`);
    }
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

await main();
