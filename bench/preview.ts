/**
 * The built app served by `vite preview` on a free port, and a Chromium for the browser benchmarks
 * (browser-stream.ts, browser-app.ts). `BENCH_NO_BUILD=1` serves the build that is there; `BENCH_DIST=DIR`
 * builds into and serves DIR instead of dist/ (several people benchmarking on one checkout).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = process.env.BENCH_DIST ? ['--outDir', process.env.BENCH_DIST] : [];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** Builds (unless BENCH_NO_BUILD=1), serves dist/ and runs `run` with the server's base URL. */
export async function withPreview<T>(run: (base: string) => Promise<T>): Promise<T> {
  if (process.env.BENCH_NO_BUILD !== '1') {
    const build = spawnSync('npx', ['vite', 'build', ...OUT_DIR, '--emptyOutDir'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', ...OUT_DIR, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  try {
    await waitForServer(base, 30_000);
    return await run(base);
  } finally {
    if (server.pid !== undefined) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        server.kill('SIGTERM');
      }
    }
  }
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, without background traffic; `gc()` exposed. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM || undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--js-flags=--expose-gc',
    ],
  });
}
