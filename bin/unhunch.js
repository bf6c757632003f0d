#!/usr/bin/env node
// The built CLI lives in out/node (npm run build). Kept tiny so `bin` works from npm.
import { main } from '../out/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
