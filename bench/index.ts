import { measureBatchStation } from './batch-station';
import { measureBrowserApp } from './browser-app';
import { measureBrowserStream } from './browser-stream';
import { measureInitialJs } from './bundle-size';
import { measureSession } from './session';
import { measureProfileImport } from './profile-import';
import { measureShareLinkLength } from './share-link';
import { measureThroughputTimingOff, measureWireRate230400 } from './simulator';
import { formatResult, meetsGoal, type BenchResult } from './report';

const results: BenchResult[] = [];
results.push(measureInitialJs());
results.push(measureThroughputTimingOff());
results.push(measureWireRate230400());
results.push(...(await measureSession()));
results.push(await measureShareLinkLength());
results.push(await measureBatchStation());
// The page under a stream, in Chromium (skip with BENCH_NO_BROWSER=1 where there is no browser).
if (process.env.BENCH_NO_BROWSER !== '1') results.push(...(await measureBrowserStream()));
// The app as a person feels it: read-all, apply, first view, idle CPU in Chromium (docs/performance.md).
if (process.env.BENCH_NO_BROWSER !== '1') results.push(...(await measureBrowserApp()));
results.push(await measureProfileImport());

console.log('\nBenchmarks (measured in this run):');
for (const r of results) console.log(`  ${formatResult(r)}`);
const missed = results.filter((r) => !meetsGoal(r));
console.log(
  missed.length ? `\n${missed.length} benchmark(s) miss their goal` : '\nall benchmarks meet their goals',
);
