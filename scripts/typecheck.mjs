#!/usr/bin/env node
/**
 * `npm run typecheck`: the whole project (tsconfig.json), then each layer with only the
 * types it may use (tsconfig.{core,contract,app,renderer}.json; docs/architecture.md).
 * The checks are independent, so they run side by side, as many at once as the machine
 * has cores; each one's output is printed whole when it ends. Exit 1 if any fails.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const PROJECTS = [
  'tsconfig.json',
  'tsconfig.app.json',
  'tsconfig.renderer.json',
  'tsconfig.contract.json',
  'tsconfig.core.json',
];
const tsc = join('node_modules', 'typescript', 'bin', 'tsc');

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => resolve({ project, ok: false, output: String(error) }));
    child.on('close', (code) => resolve({ project, ok: code === 0, output }));
  });
}

const queue = [...PROJECTS];
const failed = [];
async function lane() {
  for (let project = queue.shift(); project; project = queue.shift()) {
    const result = await check(project);
    process.stdout.write(`tsc -p ${project}: ${result.ok ? 'ok' : 'errors'}\n${result.output}`);
    if (!result.ok) failed.push(project);
  }
}
const lanes = Math.max(1, Math.min(availableParallelism(), PROJECTS.length));
await Promise.all(Array.from({ length: lanes }, lane));
if (failed.length > 0) {
  process.stderr.write(`typecheck failed in ${failed.join(', ')}\n`);
  process.exit(1);
}
