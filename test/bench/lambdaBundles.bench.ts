// `npm run bench lambdaBundles`: builds every Lambda asset as the CDK app does (infra/lambdaAssets.ts: the handler
// with infra/lambdaBundling.ts bundlingOptions, plus the parser worker and libraries, 7-Zip) and prints the minified
// size of each JavaScript bundle in it against the 1.5 MB target, and the asset's total size.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { allStepHandlers, handlerEntry } from '../../infra/handlerEntries.js';
import { buildFunctionAsset, buildHandlerBundle } from '../../infra/lambdaAssets.js';
import { repoRoot } from '../../infra/repoRoot.js';

const targetBytes = 1.5 * 1024 * 1024;
const entries = [
  ...allStepHandlers.map((h) => ({ name: h, entry: handlerEntry(h), step: true })),
  { name: 'ingest', entry: 'functions/ingest/handler.ts', step: false },
  { name: 'reviewerApi', entry: 'functions/reviewerApi/handler.ts', step: false },
].filter((e) => existsSync(join(repoRoot, e.entry)));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(8)} KB`;
const root = await mkdtemp(join(tmpdir(), 'award-bundles-'));
let over = 0;
try {
  for (const { name, entry, step } of entries) {
    const started = performance.now();
    const out = join(root, name);
    if (step) await buildFunctionAsset(name, out);
    else await buildHandlerBundle(entry, out);
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    let total = 0;
    const bundles: { file: string; bytes: number }[] = [];
    for (const f of files) {
      const path = join(f.parentPath, f.name);
      const bytes = (await stat(path)).size;
      total += bytes;
      if (/\.(mjs|cjs)$/.test(f.name)) bundles.push({ file: relative(out, path), bytes });
    }
    const ms = Math.round(performance.now() - started);
    for (const { file, bytes } of bundles.sort((a, b) =>
      a.file === 'index.mjs' ? -1 : b.file === 'index.mjs' ? 1 : 0,
    )) {
      if (bytes > targetBytes) over++;
      const label = file === 'index.mjs' ? name : `  ${file}`;
      console.log(`${label.padEnd(46)} ${kb(bytes)}  ${bytes > targetBytes ? 'OVER 1.5 MB' : 'ok'}`);
    }
    if (bundles.length > 1 || files.length > bundles.length + 1)
      console.log(`${'  (whole asset, unzipped)'.padEnd(46)} ${kb(total)}  ${files.length} files  (${ms} ms)`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
process.exit(over === 0 ? 0 : 1);
