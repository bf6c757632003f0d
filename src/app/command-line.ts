/**
 * What a launch's command line asks of an already running Unhunch: a second launch
 * forwards its arguments to the first instance (single-instance lock), which acts on
 * them here. Unknown arguments (Electron's and Chromium's own) are ignored.
 */
export type LaunchRequest =
  | { kind: 'open' }
  | { kind: 'pause'; minutes: number }
  | { kind: 'resume' };

export function launchRequests(argv: readonly string[]): LaunchRequest[] {
  const requests: LaunchRequest[] = [];
  for (const arg of argv) {
    if (arg === '--open') requests.push({ kind: 'open' });
    else if (arg === '--resume') requests.push({ kind: 'resume' });
    else if (arg === '--pause') requests.push({ kind: 'pause', minutes: 30 });
    else {
      const match = /^--pause=(\d{1,4})$/.exec(arg);
      const minutes = Number(match?.[1]);
      if (match && minutes >= 1 && minutes <= 24 * 60) requests.push({ kind: 'pause', minutes });
    }
  }
  return requests;
}
