import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './report';

/**
 * Initial JavaScript a visitor downloads before the app is usable: the entry chunk and the chunks it
 * imports statically (modulepreload links in the built index.html). Simulator and heavy views load on demand.
 */
export function measureInitialJs(): BenchResult {
  // BENCH_DIST: build elsewhere than dist/ (several people on one checkout; bench/preview.ts does the same).
  const dist = process.env.BENCH_DIST ?? 'dist';
  execSync(`npx vite build --logLevel error --outDir ${JSON.stringify(dist)} --emptyOutDir`, {
    stdio: 'inherit',
  });
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const files = new Set(scripts.filter(Boolean));
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(dist, f))).length;
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length;
  return {
    name: 'initial JS (gzip)',
    measured: bytes / 1024,
    unit: 'KB',
    // Issue "Performance where people feel it": the shell and the first view's code, nothing it does not show.
    goal: 30,
    kind: 'max',
    note: `${files.size} initial of ${all} JS files`,
  };
}
