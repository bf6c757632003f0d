import { app } from 'electron';
import { beforeReady, start } from './host';
import { holdSingleInstance } from './launch';

/** The main process's entry: the Electron host (./host.ts), once per person. */
beforeReady();
if (holdSingleInstance(app, process.argv.slice(1))) void start();
