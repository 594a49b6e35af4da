// `npm run bench lambdaBundles`: builds every Lambda entry with esbuild exactly as the CDK app does
// (infra/lambdaBundling.ts bundlingOptions) and prints its minified size against the 1.5 MB target.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { allStepHandlers, handlerEntry } from '../../infra/handlerEntries.js';
import { bundlingOptions, repoRoot } from '../../infra/lambdaBundling.js';

const targetBytes = 1.5 * 1024 * 1024;
const entries = [
  ...allStepHandlers.map((h) => ({ name: h, entry: handlerEntry(h) })),
  { name: 'ingest', entry: 'functions/ingest/handler.ts' },
  { name: 'reviewerApi', entry: 'functions/reviewerApi/handler.ts' },
].filter((e) => existsSync(join(repoRoot, e.entry)));

let over = 0;
for (const { name, entry } of entries) {
  const started = performance.now();
  const result = await build({
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    write: false,
    platform: 'node',
    target: bundlingOptions.target,
    format: 'esm',
    minify: bundlingOptions.minify,
    mainFields: [...bundlingOptions.mainFields],
    external: [...bundlingOptions.externalModules],
    banner: { js: bundlingOptions.banner },
    logLevel: 'silent',
  });
  const bytes = result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0);
  if (bytes > targetBytes) over++;
  console.log(
    `${name.padEnd(34)} ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${bytes > targetBytes ? 'OVER 1.5 MB' : 'ok'}  (${Math.round(performance.now() - started)} ms)`,
  );
}
process.exit(over === 0 ? 0 : 1);
