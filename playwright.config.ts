import { defineConfig } from '@playwright/test';

// Debian's Chromium by default (these machines cannot download Playwright's browsers); a developer
// machine can point CHROMIUM_PATH at its own Chrome, or set it empty to use Playwright's browser.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
/** Where the built app is (several people or agents building at once each use their own). */
const dist = process.env.E2E_DIST ?? 'dist';
/**
 * Inside the real-serial harness (scripts/real-serial.mjs → shared/tools/real-serial/run.sh) the page
 * must come from exactly the origin the harness granted the serial port to; the runner serves it there.
 */
const realSerialOrigin = process.env.REAL_TTY === '1' ? process.env.REAL_TTY_ORIGIN : undefined;

/**
 * Specs that measure wall time where a person feels it (click latency under a stream, a hand-typed `+++`
 * against the module's guard times): they run alone, after the others, so a second browser on a 2-core
 * machine never stands in their measurement.
 */
const TIMED_SPECS = [
  '**/stream-load.spec.ts',
  '**/plus-timing.spec.ts',
  '**/terminal-raw-mode.spec.ts',
  '**/import-large-file.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // One browser at a time by default: with two on these 2 cores, 2 of the last 5 full runs lost one spec to
  // the load (a reconnect after reload, a button not shown within the timeout). E2E_WORKERS=2 halves the time.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', testIgnore: TIMED_SPECS },
    // Alone (one worker, after `e2e`): `--project=e2e-timed` runs just these.
    { name: 'e2e-timed', testDir: 'tests/e2e', testMatch: TIMED_SPECS, workers: 1, dependencies: ['e2e'] },
    {
      // Chromium's real Web Serial stack on a pty bridged to the software DTU: `npm run test:real-serial`
      // (docs/real-serial.md). Not part of a plain `playwright test`; needs root, socat and the harness.
      name: 'real-serial',
      default: false,
      testDir: 'tests/real-serial',
      testMatch: '**/*.spec.ts',
      timeout: 180_000,
      outputDir: process.env.REAL_SERIAL_OUT
        ? `${process.env.REAL_SERIAL_OUT}/playwright`
        : 'test-results/real-serial',
      use: { baseURL: realSerialOrigin ?? 'http://127.0.0.1:9' },
    },
  ],
  // The real-serial runner serves the app itself (from the granted origin); e2e gets vite preview.
  ...(realSerialOrigin
    ? {}
    : {
        webServer: {
          command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
          url: `http://127.0.0.1:${port}`,
          reuseExistingServer: !process.env.CI,
          timeout: 60_000,
        },
      }),
});
