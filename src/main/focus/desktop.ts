import type { DesktopSnapshot } from '../../core/focus/signals';
import { type FocusHost, isWayland, processIds } from './host';

/**
 * What meeting apps and screen-sharing bars are recognised by: the titles of the
 * windows on screen and the names of running processes, as far as the platform shows
 * them without extra permissions. Windows: `tasklist /v` (each process's main window
 * title). Linux: /proc for processes; `wmctrl -l`, or `xprop`, for titles on X11 (none
 * on Wayland). macOS: `ps` for processes; titles need the screen-recording permission.
 */
export async function readDesktop(host: FocusHost): Promise<DesktopSnapshot> {
  if (host.platform === 'win32') {
    const result = await host.run('tasklist', ['/v', '/fo', 'csv', '/nh'], 15_000);
    return result.ok ? desktopFromTasklist(result.stdout) : { windowTitles: null, processes: null };
  }
  if (host.platform === 'darwin') {
    const result = await host.run('ps', ['-axo', 'comm=']);
    return {
      windowTitles: null,
      processes: result.ok
        ? result.stdout.split(/\r?\n/).filter((line) => line.trim() !== '')
        : null,
    };
  }
  if (host.platform === 'linux') {
    return { windowTitles: await linuxWindowTitles(host), processes: await linuxProcesses(host) };
  }
  return { windowTitles: null, processes: null };
}

/** One CSV line as its fields (tasklist quotes every field). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** `tasklist /v /fo csv /nh`: image name first, window title last ("N/A" for none). */
export function desktopFromTasklist(output: string): DesktopSnapshot {
  const rows = output
    .split(/\r?\n/)
    .filter((line) => line.startsWith('"'))
    .map(csvFields)
    .filter((fields) => fields.length >= 9);
  return {
    processes: rows.map((fields) => fields[0] ?? ''),
    windowTitles: rows
      .map((fields) => fields[fields.length - 1] ?? '')
      .filter((title) => title !== '' && title !== 'N/A'),
  };
}

async function linuxProcesses(host: FocusHost): Promise<string[] | null> {
  const pids = await processIds(host);
  if (pids === null) return null;
  const names = await Promise.all(pids.map((pid) => host.readText(`${host.procRoot}/${pid}/comm`)));
  return names.filter((name): name is string => name !== null).map((name) => name.trim());
}

async function linuxWindowTitles(host: FocusHost): Promise<string[] | null> {
  if (isWayland(host.env)) return null;
  const wmctrl = await host.run('wmctrl', ['-l']);
  if (wmctrl.ok) return titlesFromWmctrl(wmctrl.stdout);
  const list = await host.run('xprop', ['-root', '_NET_CLIENT_LIST']);
  if (!list.ok) return null;
  const titles: string[] = [];
  for (const id of windowIdsFromXprop(list.stdout)) {
    const name = await host.run('xprop', ['-id', id, '_NET_WM_NAME']);
    const title = name.ok ? titleFromXprop(name.stdout) : null;
    if (title !== null) titles.push(title);
  }
  return titles;
}

/** `wmctrl -l`: `0x03a00003  0 host Title of the window` (desktop -1 for sticky windows). */
export function titlesFromWmctrl(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => /^0x[0-9a-f]+\s+-?\d+\s+\S+\s?(.*)$/i.exec(line)?.[1])
    .filter((title): title is string => title !== undefined && title !== '');
}

/** `_NET_CLIENT_LIST(WINDOW): window id # 0x1e00006, 0x2200003` */
export function windowIdsFromXprop(output: string): string[] {
  return output.match(/0x[0-9a-f]+/gi) ?? [];
}

/** `_NET_WM_NAME(UTF8_STRING) = "Zoom Meeting"` */
export function titleFromXprop(output: string): string | null {
  const quoted = /=\s*"((?:[^"\\]|\\.)*)"/.exec(output)?.[1];
  return quoted === undefined ? null : quoted.replace(/\\(.)/g, '$1');
}
