#!/usr/bin/env node
// `npm run bench`: every benchmark, measured in this one run, printed as a ratio to its goal.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['tsx', 'bench/index.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
