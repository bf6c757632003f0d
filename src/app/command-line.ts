/**
 * What a launch's command line asks of an already running Unhunch: a second launch
 * forwards its arguments to the first instance (single-instance lock), which acts on
 * them here. Unknown arguments (Electron's and Chromium's own) are ignored; one of ours
 * with a value it cannot take (`--pause=abc`) is refused, so the host can name it.
 */
export type LaunchRequest =
  | { kind: 'open' }
  | { kind: 'pause'; minutes: number }
  | { kind: 'resume' };

/** One argument: what it asks, `refused` when it is ours with a bad value, null when not ours. */
function readArgument(arg: string): LaunchRequest | 'refused' | null {
  if (arg === '--open') return { kind: 'open' };
  if (arg === '--resume') return { kind: 'resume' };
  if (arg === '--pause') return { kind: 'pause', minutes: 30 };
  if (!/^--(?:open|pause|resume)=/.test(arg)) return null;
  const match = /^--pause=(\d{1,4})$/.exec(arg);
  const minutes = Number(match?.[1]);
  return match && minutes >= 1 && minutes <= 24 * 60 ? { kind: 'pause', minutes } : 'refused';
}

export function launchRequests(argv: readonly string[]): LaunchRequest[] {
  return argv
    .map(readArgument)
    .filter((read): read is LaunchRequest => typeof read === 'object' && read !== null);
}

/**
 * What a launch asks, with the arguments refused. Later pauses and resumes replace
 * earlier ones, so only the last counts: a launch with a thousand `--pause` arguments
 * pauses once; `--open` shows the window whatever else is asked.
 */
export function readLaunch(argv: readonly string[]): {
  requests: LaunchRequest[];
  refused: string[];
} {
  let open = false;
  let state: LaunchRequest | null = null;
  const refused: string[] = [];
  for (const arg of argv) {
    const read = readArgument(arg);
    if (read === 'refused') refused.push(arg);
    else if (read?.kind === 'open') open = true;
    else if (read) state = read;
  }
  const requests: LaunchRequest[] = [];
  if (state) requests.push(state);
  if (open) requests.push({ kind: 'open' });
  return { requests, refused };
}
