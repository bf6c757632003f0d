import type { UnhunchApp } from '../app/app';
import type { AppResources } from '../app/resources';
import type { WebHost } from './server';

/** What the web host holds now: the app's listeners and timers, its sockets, the process's timers. */
export interface HostResources {
  app: AppResources;
  /** Open WebSockets (one per open page). */
  connections: number;
  /** Timers keeping this process alive (Node's 'Timeout' resources). */
  processTimeouts: number;
  /** Every active resource of the process, by kind (Node's getActiveResourcesInfo). */
  processResources: Record<string, number>;
}

export function hostResources(app: UnhunchApp, host: WebHost): HostResources {
  const processResources: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    processResources[kind] = (processResources[kind] ?? 0) + 1;
  }
  return {
    app: app.resources(),
    connections: host.connections(),
    processTimeouts: processResources.Timeout ?? 0,
    processResources,
  };
}

/**
 * `--diagnostics`: answers the message 'resources' from the parent process (spawned with
 * an IPC channel) with the host's resources. No port and no page can reach it, and asking
 * opens no socket that would itself show in the counts.
 */
export function answerResourceQueries(app: UnhunchApp, host: WebHost): void {
  const send = process.send?.bind(process);
  if (!send) {
    process.stderr.write('unhunch-web: --diagnostics needs an IPC channel to the parent\n');
    return;
  }
  process.on('message', (message) => {
    if (message === 'resources') send(hostResources(app, host));
  });
}
