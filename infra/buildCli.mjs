// Compiles the `award` CLI (infra/cli/award.ts) and the demo (infra/demo/demo.ts), with everything they import, to
// JavaScript in dist/, so that neither needs a TypeScript loader at run time. Runs on `npm install` / `npm ci`
// (`prepare`), as the first step of `npm test`, and from the bin (infra/cli/award.mjs) when a source is newer than the
// build. `node infra/buildCli.mjs` builds; `--if-stale` builds only when dist/ is missing or older than a source.
//
// Layout of dist/ (one level below the repository root, like infra/: infra/lambdaBundling.ts finds the repository as
// `<module>/..`): `award.mjs` and `demo.mjs`, the chunks they share and the chunks loaded by dynamic `import()` (one
// per heavy command), and, beside them, every file the sources load by `new URL('./…', import.meta.url)`: worker and
// child-process scripts (bundled, packages left to node_modules) and data folders (copied).
//
// Packages are imported from node_modules as they are, except the small pure-JavaScript ones in `bundledPackages`:
// the CLI loads those on every `award check`, and one file each instead of their dozens of modules (and Node's scan
// of each CommonJS one for its exports) saves a few hundred milliseconds there. The Lambda bundles carry the same
// packages the same way (infra/lambdaBundling.ts). An install that changes package-lock.json makes the build stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = join(repoRoot, 'dist');
const manifestFile = join(distDir, 'build.json');
const entryPoints = { award: 'infra/cli/award.ts', demo: 'infra/demo/demo.ts' };
const bundledPackages = new Set([
  'canonicalize',
  'chinese-days',
  'file-type',
  'iconv-lite',
  'image-size',
  'node-html-parser',
  'officecrypto-tool',
  'sax',
  'yauzl',
  'zod',
]);

/** `new URL('./x', import.meta.url)`: a file (or, ending in `/`, a folder) loaded by path beside its module. */
const beside = /new URL\(\s*['"](\.\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/** A build that failed: esbuild has printed its errors already. */
export class BuildFailed extends Error {
  name = 'BuildFailed';
}

/** The built entry `name` (award, demo) as a file URL, built first if dist/ is missing or stale. */
export async function builtEntry(name) {
  const file = join(distDir, `${name}.mjs`);
  const stale = staleReason();
  if (stale === undefined) return pathToFileURL(file).href;
  if (await esbuildAvailable()) {
    try {
      await buildCli();
    } catch (error) {
      const errors = error.errors?.length ? 'esbuild errors above' : error.message;
      throw new BuildFailed(`dist/ is out of date (${stale}) and could not be built again (${errors})`);
    }
  } else if (!existsSync(file)) throw new BuildFailed(`dist/${name}.mjs is missing and esbuild is not installed`);
  return pathToFileURL(file).href;
}

/** Why dist/ must be built again (undefined when it is current): no build, or a source changed after it. */
export function staleReason() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return 'not built';
  }
  for (const source of manifest.sources) {
    let mtime;
    try {
      mtime = statSync(join(repoRoot, source)).mtimeMs;
    } catch {
      return `${source} is gone`;
    }
    if (mtime >= manifest.startedAt) return `${source} changed`;
  }
  for (const output of manifest.outputs) if (!existsSync(join(distDir, output))) return `dist/${output} is gone`;
  return undefined;
}

async function esbuildAvailable() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

/** The repository's own files among an esbuild metafile's inputs. */
function ownInputs(metafile) {
  return Object.keys(metafile.inputs).filter((p) => !p.startsWith('node_modules/') && !p.includes(':'));
}

/**
 * Builds dist/. Every file is written aside and renamed into place, and outputs of an earlier build that this one
 * does not produce are removed afterwards: a bin started while another rebuilds reads whole files.
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const common = {
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
    metafile: true,
  };
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const external = Object.keys({ ...dependencies, ...devDependencies })
    .filter((name) => !bundledPackages.has(name))
    .flatMap((name) => [name, `${name}/*`]);
  const main = await build({
    ...common,
    packages: undefined,
    external,
    // CommonJS inside an ES module: the bundled packages' `require` of Node's own modules.
    banner: {
      js: "import { createRequire as __awardRequire } from 'node:module';const require = __awardRequire(import.meta.url);",
    },
    entryPoints,
    outdir: distDir,
    splitting: true,
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
  });
  const files = [...main.outputFiles];
  const sources = new Set([...ownInputs(main.metafile), 'package-lock.json']);
  const placed = new Map(); // name in dist/ -> the source it comes from
  const pending = [...sources];
  while (pending.length > 0) {
    const module = pending.shift();
    if (!/\.(m?[jt]s)$/.test(module)) continue;
    for (const [, ref] of readFileSync(join(repoRoot, module), 'utf8').matchAll(beside)) {
      const source = relative(repoRoot, resolve(repoRoot, dirname(module), ref));
      const name = basename(source);
      if (!existsSync(join(repoRoot, source))) throw new Error(`${module} loads ${ref}, which does not exist`);
      if (placed.has(name) && placed.get(name) !== source)
        throw new Error(`dist/${name} would be both ${placed.get(name)} and ${source}: rename one of them`);
      if (placed.has(name)) continue;
      placed.set(name, source);
      if (ref.endsWith('/')) {
        for (const file of readdirSync(join(repoRoot, source), { recursive: true, withFileTypes: true })) {
          if (!file.isFile()) continue;
          const path = relative(repoRoot, join(file.parentPath, file.name));
          files.push({
            path: join(distDir, name, relative(source, path)),
            contents: readFileSync(join(repoRoot, path)),
          });
          sources.add(path);
        }
        sources.add(source); // the folder itself: a file added or removed changes its mtime
        continue;
      }
      const script = await build({ ...common, entryPoints: [source], outfile: join(distDir, name) });
      files.push(...script.outputFiles);
      for (const input of ownInputs(script.metafile))
        if (!sources.has(input)) {
          sources.add(input);
          pending.push(input);
        }
    }
  }
  const outputs = files.map((f) => relative(distDir, f.path));
  mkdirSync(distDir, { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
  let previous = [];
  try {
    previous = JSON.parse(readFileSync(manifestFile, 'utf8')).outputs;
  } catch {}
  const manifest = { startedAt, sources: [...sources].sort(), outputs: outputs.sort() };
  const aside = `${manifestFile}.${process.pid}.tmp`;
  writeFileSync(aside, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(aside, manifestFile);
  const kept = new Set(outputs);
  for (const old of previous) if (!kept.has(old)) rmSync(join(distDir, old), { force: true });
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifStale = process.argv.includes('--if-stale');
  if (!(await esbuildAvailable())) {
    // An install without devDependencies runs the dist/ it came with; with none, the bin says so when it is run.
    console.error('award CLI not built: esbuild (a devDependency) is not installed');
  } else if (!ifStale || staleReason() !== undefined) {
    const started = performance.now();
    const { outputs } = await buildCli();
    const ms = Math.round(performance.now() - started);
    console.error(`award CLI built: ${outputs.filter((o) => o.endsWith('.mjs')).length} files in dist/ (${ms} ms)`);
  }
}
