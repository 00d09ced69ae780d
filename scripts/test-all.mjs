#!/usr/bin/env node
// The README's test command: static checks, Node tests (Vitest), browser tests (Playwright in Chromium) and
// the real-serial suite (Chromium's real Web Serial stack on a pty; root only, else counted as skipped),
// ending with the one summary line CI reads: "<p> passed, <f> failed, <s> skipped".
// Static checks count as one test each so a lint or type error can never hide behind green tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const only = process.argv[2]; // optional: "static", "unit", "e2e" or "real-serial" to run one part

/** Runs `command` with its output kept, printed whole when it ends (checks that run at once stay readable). */
function runQuietly(label, command, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const done = (status) => {
      console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
      if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      console.log(`=== ${label}: exit ${status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(status === 0);
    };
    child.on('error', (e) => {
      output += String(e);
      done(1);
    });
    child.on('close', (status) => done(status));
  });
}

if (!only || only === 'static') {
  // The static checks are single-threaded and independent: at once on the machine's cores.
  const checks = [
    ['eslint', 'npx', ['eslint', '.']],
    ['prettier', 'npx', ['prettier', '--check', '.']],
    ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ];
  const results = await Promise.all(checks.map(([label, command, args]) => runQuietly(label, command, args)));
  checks.forEach(([label], i) => {
    if (results[i]) totals.passed++;
    else {
      totals.failed++;
      failures.push(label);
    }
  });
}

if (!only || only === 'unit') {
  const out = '.vitest-results.json';
  rmSync(out, { force: true });
  const ok = run('unit (vitest)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const r = readJson(out);
  if (r) {
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numFailedTests > 0) failures.push('unit tests');
  }
  if (!ok && (!r || r.numFailedTests === 0)) {
    totals.failed++;
    failures.push('vitest run (did not finish cleanly)');
  }
}

let built = false;
if (!only || only === 'e2e') {
  built = run('build', 'npx', ['vite', 'build']);
  if (!built) {
    totals.failed++;
    failures.push('vite build');
  } else {
    const out = '.playwright-results.json';
    rmSync(out, { force: true });
    const ok = run('e2e (playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    const r = readJson(out);
    if (r?.stats) {
      totals.passed += r.stats.expected + r.stats.flaky;
      totals.failed += r.stats.unexpected;
      totals.skipped += r.stats.skipped;
      if (r.stats.unexpected > 0) failures.push('e2e tests');
    }
    if (!ok && (!r?.stats || r.stats.unexpected === 0)) {
      totals.failed++;
      failures.push('playwright run (did not finish cleanly)');
    }
  }
}

if (!only || only === 'real-serial') {
  // scripts/real-serial.mjs: the serial path through Chromium's real Web Serial stack (docs/real-serial.md).
  // Without root it says why and reports its tests as skipped.
  const out = `${process.env.REAL_SERIAL_ARTIFACTS || 'artifacts/real-serial'}/results.json`;
  rmSync(out, { force: true });
  const ok = run('real-serial (Chromium Web Serial on a pty)', 'node', [
    'scripts/real-serial.mjs',
    ...(built ? ['--no-build'] : []),
  ]);
  const r = readJson(out);
  if (r) {
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    if (r.failed > 0) failures.push('real-serial tests');
    if (r.reason && r.failed === 0) console.log(`=== real-serial: ${r.skipped} tests SKIPPED: ${r.reason}`);
  }
  if (!ok && (!r || r.failed === 0)) {
    totals.failed++;
    failures.push('real-serial run (did not finish cleanly)');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
