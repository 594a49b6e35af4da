#!/usr/bin/env node
// The `award` bin: runs the CLI compiled to JavaScript in dist/ (infra/buildCli.mjs; no TypeScript loader). When a
// source is newer than that build, and esbuild is installed, it builds again first, so `npx award …` in a working
// copy always runs the code as it is.
import module from 'node:module';
import { BuildFailed, builtEntry } from '../buildCli.mjs';

// V8 keeps the code it compiled for the next run (os.tmpdir()/node-compile-cache, keyed by content); the environment
// passes the same cache to the parser and OCR workers.
const cache = module.enableCompileCache?.();
if (cache?.directory) process.env.NODE_COMPILE_CACHE ??= cache.directory;
if (process.env.AWARD_DEBUG) process.setSourceMapsEnabled(true);
let entry;
try {
  entry = await builtEntry('award');
} catch (error) {
  if (!(error instanceof BuildFailed)) throw error;
  process.stderr.write(`award: ${error.message}\n`);
  process.exit(2);
}
const { runAward } = await import(entry);
process.exitCode = await runAward(process.argv.slice(2));
