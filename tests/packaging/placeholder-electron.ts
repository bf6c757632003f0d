// A stand-in for Electron's Linux distribution, for packaging where the real binary
// cannot be downloaded. Its `electron` executable is a shell script that refuses to
// run, followed by Electron's fuse sentinel and a version-1 fuse wire holding
// Electron 45's defaults, so that electron-builder can flip fuses in it and
// @electron/fuses can read them back (layout: node_modules/@electron/fuses/dist/index.js).
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The marker @electron/fuses searches the binary for; the wire follows it. */
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseWireVersion = 1;

/** A fuse byte as Electron stores it: ASCII '0' off, '1' on. */
const off = 0x30;
const on = 0x31;

/**
 * Electron 45's fuse defaults, in wire order: RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
 */
export const electron45DefaultFuses = [on, off, on, on, off, off, off, on, on] as const;

const refuseToRun = `#!/bin/sh
echo "This is a placeholder for the Electron binary, made by Unhunch's packaging test." >&2
exit 1
`;

/** Writes the placeholder distribution into `dir` and returns `dir`. */
export async function makePlaceholderElectronDist(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const executable = Buffer.concat([
    Buffer.from(refuseToRun),
    Buffer.from(fuseSentinel),
    Buffer.from([fuseWireVersion, electron45DefaultFuses.length, ...electron45DefaultFuses]),
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), executable);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), '45.0.0');
  await writeFile(join(dir, 'LICENSE'), 'Placeholder for the Electron license.\n');
  return dir;
}
