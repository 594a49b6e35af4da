import { mkdirSync, readlinkSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type OcrLanguage = 'chi_sim' | 'eng';

/**
 * Which model of the `@tesseract.js-data/*` packages: `4.0.0` holds the full LSTM (+legacy) models (chi_sim 20 MB),
 * `4.0.0_best_int` the small integer LSTM models. Both are read from node_modules; nothing is ever downloaded.
 */
export type TrainedDataVariant = '4.0.0' | '4.0.0_best_int';

/** Path of the gzipped traineddata file shipped in the language's npm package. */
export function trainedDataPath(lang: OcrLanguage, variant: TrainedDataVariant): string {
  const packageJson = require.resolve(`@tesseract.js-data/${lang}/package.json`);
  return path.join(path.dirname(packageJson), variant, `${lang}.traineddata.gz`);
}

/**
 * A local `langPath` for tesseract.js holding every requested language. tesseract.js takes one langPath for all
 * languages, and each language lives in its own npm package, so this folder (in the temp directory) links to the
 * packaged files. Handing `{code, data}` objects instead is broken in tesseract.js 7 (its initialise step joins
 * `data` instead of `code`). A local path (not a URL) means the worker reads files and never touches the network.
 * Throws at once, naming the file, when a language package is missing.
 */
export function localLangPath(langs: readonly OcrLanguage[], variant: TrainedDataVariant): string {
  const dir = path.join(tmpdir(), `jqa-tessdata-${variant}-${process.getuid?.() ?? 0}`);
  mkdirSync(dir, { recursive: true });
  for (const lang of langs) {
    const target = trainedDataPath(lang, variant);
    statSync(target);
    const link = path.join(dir, `${lang}.traineddata.gz`);
    let current: string | undefined;
    try {
      current = readlinkSync(link);
    } catch {
      current = undefined;
    }
    if (current === target) continue;
    if (current !== undefined) unlinkSync(link);
    try {
      symlinkSync(target, link);
    } catch (error) {
      // Another process made the same link at the same moment.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || readlinkSync(link) !== target) throw error;
    }
  }
  return dir;
}
