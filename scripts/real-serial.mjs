#!/usr/bin/env node
// `npm run test:real-serial`: the serial path through Chromium's REAL Web Serial stack (docs/real-serial.md).
//
// For each spec of tests/real-serial/ (in name order): a fresh software DTU (src/simulator/node/cli.ts) on a
// free TCP port, with a control port and a trace; then the real-serial harness (a pty bridged by socat to
// that port, bind-mounted over /dev/ttyS0 in a private mount namespace, the page's origin granted every
// serial port by policy) runs `playwright test --project real-serial <spec>`. The app is the production
// build served by `vite preview` from the exact origin the harness grants. Everything started here is
// stopped here, by PID.
//
//   node scripts/real-serial.mjs [--no-build | --dist DIR] [SPEC...]
//
// Without root (the harness needs a mount namespace and a policy file under /etc) the suite is skipped,
// said so, and counted as skipped. Results: artifacts/real-serial/results.json
// ({passed, failed, skipped, reason?, files}), per spec a folder with the DTU's trace and log, the
// harness's raw tty dumps, Playwright's JSON and the measurements (REAL_SERIAL_ARTIFACTS: another folder).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setPriority } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.env.REAL_SERIAL_ARTIFACTS || join(ROOT, 'artifacts', 'real-serial'));
const SPEC_DIR = join(ROOT, 'tests', 'real-serial');
const RESULTS = join(OUT, 'results.json');
/** The whole run may not take longer than this (the suite's goal is well under 5 minutes). */
const WATCHDOG_MS = 8 * 60_000;

const started = Date.now();
const children = new Set();
const say = (line) => console.log(`[real-serial] ${line}`);

// ---------------------------------------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
let build = true;
let dist = join(OUT, 'dist');
const only = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--no-build') {
    build = false;
    dist = join(ROOT, 'dist');
  } else if (a === '--dist') {
    build = false;
    dist = resolve(argv[++i] ?? '');
  } else if (a === '--help' || a === '-h') {
    console.log('usage: node scripts/real-serial.mjs [--no-build | --dist DIR] [SPEC...]');
    process.exit(0);
  } else only.push(basename(a));
}
const specs = readdirSync(SPEC_DIR)
  .filter((f) => f.endsWith('.spec.ts'))
  .filter((f) => only.length === 0 || only.includes(f))
  .sort();

function writeResults(results) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}

/** How many tests the suite has (for "skipped" counts); one per spec when Playwright cannot list them. */
function countTests() {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--project=real-serial', '--list'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REAL_TTY: '' } },
  );
  const m = /Total: (\d+) tests? in/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : specs.length;
}

function skip(reason) {
  const n = countTests();
  console.log(`\n[real-serial] SKIPPED (${n} tests): ${reason}`);
  writeResults({ passed: 0, failed: 0, skipped: n, reason, files: [] });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------- preconditions
function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function harnessPath() {
  const candidates = [
    process.env.REAL_TTY_HARNESS,
    resolve(ROOT, '..', 'shared', 'tools', 'real-serial', 'run.sh'),
    join(ROOT, 'scripts', 'real-serial', 'run.sh'),
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  skip(
    'Chromium must open a real tty: the harness needs root (a private mount namespace with a pty over ' +
      '/dev/ttyS0, a Chromium policy file under /etc). Run as root (CI does), e.g. `sudo npm run test:real-serial`.',
  );
}
if (process.platform !== 'linux')
  skip(`the harness needs Linux (mount namespaces), this is ${process.platform}`);
const harness = harnessPath();
const missing = ['socat', 'unshare', 'mount', 'flock', 'stat'].filter((c) => !which(c));
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) missing.push(`chromium (${chromium})`);
if (!harness) missing.push('the real-serial harness (set REAL_TTY_HARNESS)');
if (missing.length > 0) {
  const reason = `missing: ${missing.join(', ')} (Debian: apt-get install -y socat util-linux chromium)`;
  console.error(`[real-serial] FAILED before starting: ${reason}`);
  writeResults({ passed: 0, failed: 1, skipped: 0, reason, files: [] });
  process.exit(1);
}
if (!which('python3')) say('note: no python3; the DTU follows the tty with `stty` (heavier polling)');

// ---------------------------------------------------------------------------------------------- processes
function start(label, command, args, options = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.label = label;
  return child;
}

/** SIGTERM by PID, SIGKILL after `graceMs`. */
async function stop(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

async function stopAll() {
  await Promise.all([...children].map((c) => stop(c)));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    say(`${signal}: stopping everything started here`);
    void stopAll().then(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  console.error(`[real-serial] FAILED: the run took longer than ${WATCHDOG_MS / 60_000} minutes; stopping`);
  void stopAll().then(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolvePort(port));
    });
  });
}

/** Resolves with the first match of `pattern` in the child's stdout, or rejects when it ends first. */
function waitForLine(child, pattern, ms, logFile) {
  return new Promise((resolveLine, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`${child.label}: no ${pattern} within ${ms} ms:\n${text}`)),
      ms,
    );
    const onData = (chunk) => {
      text += chunk;
      const m = pattern.exec(text);
      if (m) {
        clearTimeout(timer);
        resolveLine(m);
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c) => (text += c));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${child.label} ended (exit ${code}) before ${pattern}:\n${text}`));
    });
    if (logFile) {
      child.stdout.on('data', (c) => writeFileSync(logFile, c, { flag: 'a' }));
      child.stderr.on('data', (c) => writeFileSync(logFile, c, { flag: 'a' }));
    }
  });
}

async function waitForHttp(url, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

// ---------------------------------------------------------------------------------------------- trace text
function printable(hex) {
  let s = '';
  for (let i = 0; i < hex.length; i += 2) {
    const b = parseInt(hex.slice(i, i + 2), 16);
    s +=
      b === 13
        ? '\\r'
        : b === 10
          ? '\\n'
          : b >= 32 && b < 127
            ? String.fromCharCode(b)
            : `\\x${hex.slice(i, i + 2)}`;
  }
  return s;
}

function traceTail(file, n) {
  if (!existsSync(file)) return '  (no trace)';
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const t0 = entries[0]?.t ?? 0;
  return entries
    .slice(-n)
    .map((e) => {
      const at = `+${((e.t - t0) / 1000).toFixed(3).padStart(9)} s`;
      if (e.dir === 'in') return `${at}  host→module   ${JSON.stringify(printable(e.hex))} (mode ${e.mode})`;
      if (e.dir === 'out') return `${at}  module→host   ${JSON.stringify(printable(e.hex))}`;
      if (e.dir === 'server')
        return `${at}  module→server ${e.socket} ${e.tag} ${JSON.stringify(printable(e.hex))}`;
      if (e.dir === 'line') return `${at}  host line ${e.line ?? 'closed'} (${e.source})`;
      return `${at}  ${e.dir} ${e.event ?? e.mode ?? e.label ?? ''}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------- the run
async function runSpec(spec, origin) {
  const name = spec.replace(/\.spec\.ts$/, '');
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tty'), { recursive: true });
  const trace = join(dir, 'tcp-trace.jsonl');
  const specStarted = Date.now();

  const dtu = start('software DTU', process.execPath, [
    '--import',
    'tsx',
    'src/simulator/node/cli.ts',
    '--listen',
    '127.0.0.1:0',
    '--control',
    '127.0.0.1:0',
    '--trace',
    trace,
  ]);
  // The software DTU stands for a module with its own CPU: the load a spec puts on this machine's two cores
  // must slow Chromium, not the module's clock (a starved DTU would see two chunks in one tick).
  try {
    setPriority(dtu.pid, -10);
  } catch {
    // not allowed: run at normal priority
  }
  const listening = waitForLine(dtu, /simulator listening on [\d.]+:(\d+)/, 30_000, join(dir, 'dtu.log'));
  const controlLine = /control port listening on [\d.]+:(\d+)/;
  let controlPort;
  dtu.stdout.on('data', (c) => {
    const m = controlLine.exec(String(c));
    if (m) controlPort = Number(m[1]);
  });
  const port = Number((await listening)[1]);
  if (!controlPort) throw new Error('the software DTU did not print its control port');
  say(`${spec}: software DTU on 127.0.0.1:${port} (control ${controlPort}), trace ${trace}`);

  const json = join(dir, 'playwright.json');
  const harnessRun = spawn(
    'bash',
    [
      harness,
      '127.0.0.1',
      String(port),
      origin,
      '--',
      process.execPath,
      join(ROOT, 'node_modules/@playwright/test/cli.js'),
      'test',
      '--project=real-serial',
      `tests/real-serial/${spec}`,
      '--reporter=list,json',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        REAL_SERIAL_TCP: `127.0.0.1:${port}`,
        REAL_SERIAL_CONTROL: `127.0.0.1:${controlPort}`,
        REAL_SERIAL_TRACE: trace,
        REAL_SERIAL_OUT: dir,
        REAL_TTY_TRACE: join(dir, 'tty'),
        PLAYWRIGHT_JSON_OUTPUT_NAME: json,
        REAL_TTY_LOCK_WAIT: process.env.REAL_TTY_LOCK_WAIT ?? '300',
      },
    },
  );
  children.add(harnessRun);
  harnessRun.label = 'harness';
  const code = await new Promise((r) => harnessRun.once('exit', (c, s) => r(c ?? (s ? 128 : 1))));
  children.delete(harnessRun);
  await stop(dtu);

  let stats;
  try {
    stats = JSON.parse(readFileSync(json, 'utf8')).stats;
  } catch {
    stats = undefined;
  }
  const result = {
    spec,
    exit: code,
    seconds: Math.round((Date.now() - specStarted) / 100) / 10,
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
    dir,
  };
  if (code !== 0 && result.failed === 0) {
    // The harness or Playwright itself failed (exit 125: the harness; no JSON: Playwright did not run).
    result.failed = 1;
    result.harnessFailure =
      code === 125 ? 'the harness failed (exit 125)' : `exit ${code} without a test failure`;
  }
  if (result.failed > 0) {
    console.log(`\n[real-serial] ${spec} FAILED. Last bytes at the TCP end (${trace}):`);
    console.log(traceTail(trace, 40));
    console.log(`[real-serial] DTU log: ${join(dir, 'dtu.log')}; raw tty dumps: ${join(dir, 'tty')}`);
  }
  return result;
}

function measurements(results) {
  const lines = [];
  for (const r of results) {
    if (!existsSync(r.dir)) continue;
    for (const f of readdirSync(r.dir).filter((x) => x.startsWith('measurements-'))) {
      const m = JSON.parse(readFileSync(join(r.dir, f), 'utf8'));
      for (const [key, value] of Object.entries(m)) {
        if (key === 'test' || typeof value !== 'string') continue;
        lines.push(`  ${r.spec}: ${key}: ${value}`);
      }
    }
  }
  return lines;
}

let preview;
const results = [];
try {
  if (build) {
    say(`building the app into ${dist}`);
    const b = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', dist, '--emptyOutDir'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (b.status !== 0) throw new Error('vite build failed');
  }
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`no built app in ${dist} (run without --no-build)`);

  const webPort = await freePort();
  const origin = `http://127.0.0.1:${webPort}`;
  preview = start('vite preview', process.execPath, [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--outDir',
    dist,
    '--host',
    '127.0.0.1',
    '--port',
    String(webPort),
    '--strictPort',
  ]);
  preview.stdout.resume();
  preview.stderr.resume();
  await waitForHttp(`${origin}/`, 30_000);
  say(`app served at ${origin} (the origin the harness grants the serial port to); ${specs.length} specs`);

  for (const spec of specs) results.push(await runSpec(spec, origin));
} catch (e) {
  console.error(`[real-serial] FAILED: ${e instanceof Error ? e.message : String(e)}`);
  results.push({ spec: '(setup)', exit: 1, passed: 0, failed: 1, skipped: 0, dir: OUT, error: String(e) });
} finally {
  await stop(preview);
  await stopAll();
}

const totals = results.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
const seconds = Math.round((Date.now() - started) / 100) / 10;
writeResults({ ...totals, seconds, files: results });
console.log('\n[real-serial] per spec:');
for (const r of results) {
  const state = r.failed > 0 ? 'FAILED' : 'ok';
  console.log(
    `  ${r.spec}: ${state} (${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped) in ${r.seconds ?? '?'} s`,
  );
}
const m = measurements(results);
if (m.length) console.log(`[real-serial] measured:\n${m.join('\n')}`);
console.log(
  `[real-serial] ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped in ${seconds} s` +
    ` (details: ${RESULTS})`,
);
clearTimeout(watchdog);
process.exit(totals.failed > 0 ? 1 : 0);
