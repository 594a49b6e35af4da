import { stat } from 'node:fs/promises';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { type BundleSource, type ExtractBundleOptions, extractBundle } from '../extraction/extractBundle.js';
import type { ApplyOcrOptions } from '../ocr/applyOcr.js';
import { bundleBytesReader, ocrCandidatePaths } from './bundleBytes.js';
import { type CheckedBundle, checkExtractedBundle } from './checkExtractedBundle.js';

/** The bundle path does not exist or is neither a folder nor a file. */
export class BundlePathError extends Error {
  override readonly name = 'BundlePathError';
}

/** A folder is a folder bundle; `.iso` an ISO 9660 image; any other file is read as a zip. */
export async function bundleSourceOf(path: string): Promise<BundleSource> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BundlePathError(
      code === 'ENOENT' ? `找不到材料包：${path}` : `无法读取材料包：${path}（${code ?? 'error'}）`,
    );
  }
  if (info.isDirectory()) return { folder: path };
  if (!info.isFile()) throw new BundlePathError(`材料包既不是文件也不是文件夹：${path}`);
  return path.toLowerCase().endsWith('.iso') ? { isoPath: path } : { zipPath: path };
}

export interface CheckBundlePathOptions {
  campaign: CampaignConfig;
  receivedAt?: string | Date;
  recommendingUnit?: string;
  extraction?: ExtractBundleOptions;
  /** OCR settings over the defaults (page cap, per-page budget …), or `false` for no OCR. OCR runs by default. */
  ocr?: ApplyOcrOptions | false;
  /** Progress lines (stderr): counts and times only. */
  progress?: (message: string) => void;
}

/**
 * Extracts a bundle (.zip, folder or .iso), OCRs its scans and checks it: `extractBundle` + `checkExtractedBundle`,
 * the bytes OCR needs read again from the bundle. Uses the process-wide OCR engine and renderer: call
 * `closeSharedOcrEngine()` and `closeSharedPdfPageRenderer()` at shutdown.
 */
export async function checkBundlePathDetailed(path: string, options: CheckBundlePathOptions): Promise<CheckedBundle> {
  const source = await bundleSourceOf(path);
  const progress = options.progress ?? (() => {});
  progress('正在解析文件 …');
  const extracted = await extractBundle(source, options.extraction);
  progress(`已解析 ${extracted.entries.length} 个文件`);
  return checkExtractedBundle({
    documents: extracted.entries,
    bundleFindings: extracted.findings,
    readBytes: bundleBytesReader(source, ocrCandidatePaths(extracted.entries), options.extraction?.limits),
    campaign: options.campaign,
    receivedAt: options.receivedAt,
    recommendingUnit: options.recommendingUnit,
    ocr: options.ocr,
    progress,
  });
}

/** The completeness report of a bundle path (see `checkBundlePathDetailed`). */
export async function checkBundlePath(path: string, options: CheckBundlePathOptions): Promise<CheckedBundle['report']> {
  return (await checkBundlePathDetailed(path, options)).report;
}
