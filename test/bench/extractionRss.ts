/**
 * Child process of the extraction benchmark: extracts one bundle and prints its peak RSS (workers included: they are
 * threads of this process) as JSON. Imports only the pipeline, so the figure is the pipeline's own.
 */
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';

const zipPath = process.argv[2] as string;
const baseline = process.memoryUsage().rss;
let peak = baseline;
let atPeak = process.memoryUsage();
const timer = setInterval(() => {
  const usage = process.memoryUsage();
  if (usage.rss > peak) {
    peak = usage.rss;
    atPeak = usage;
  }
}, 10);
const sandbox = new ParserSandbox({
  workers: Number(process.env.BENCH_WORKERS ?? 2),
  timeoutMs: 60_000,
  ...(process.env.BENCH_HEAP_MB ? { maxHeapMb: Number(process.env.BENCH_HEAP_MB) } : {}),
});
const start = performance.now();
const result = await extractBundle({ zipPath }, { sandbox });
const ms = performance.now() - start;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
await sandbox.close();
const mb = (v: number) => Math.round(v / 1e6);
process.stdout.write(
  JSON.stringify({
    peakMb: mb(peak),
    baselineMb: mb(baseline),
    ms: Math.round(ms),
    entries: result.entries.length,
    atPeakMb: Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, mb(v)])),
  }),
);
