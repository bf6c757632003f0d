/**
 * How this project starts Chromium (end-to-end tests, the renderer bench, the icon
 * rasteriser): Debian's build unless UNHUNCH_CHROMIUM names another, with the flags
 * that keep it off the network and quiet in a fresh profile.
 */
export const CHROMIUM_PATH = process.env.UNHUNCH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
