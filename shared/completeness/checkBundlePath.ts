import { stat } from 'node:fs/promises';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import { type BundleSource, type ExtractBundleOptions, extractBundle } from '../extraction/extractBundle.js';
import { bundleOcr, type DocumentOcrOptions, emptyTally, type OcrTally } from '../ocr/documentOcr.js';
import { defaultOcrOptions, type OcrOptions } from '../ocr/ocrBudget.js';
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
  /** OCR settings over the defaults (page caps, per-page budget …), or `false` for no OCR. OCR runs by default. */
  ocr?: DocumentOcrOptions | false;
  /** Progress lines (stderr): counts and times only. */
  progress?: (message: string) => void;
}

/**
 * Extracts a bundle (.zip, folder or .iso) and checks it: `extractBundle` with the OCR pass in each entry's extraction
 * (`bundleOcr`: each entry opened once), then `checkExtractedBundle`. Uses the process-wide OCR engine and renderer:
 * call `closeSharedOcrEngine()` and `closeSharedPdfPageRenderer()` at shutdown.
 */
export async function checkBundlePathDetailed(path: string, options: CheckBundlePathOptions): Promise<CheckedBundle> {
  const source = await bundleSourceOf(path);
  const progress = options.progress ?? (() => {});
  const ocr = options.ocr;
  const tally = emptyTally();
  const caps = ocr === false ? undefined : { ...defaultOcrOptions, ...ocr };
  progress(
    caps
      ? `正在解析文件，扫描页随即文字识别（OCR，每包最多 ${caps.maxPagesPerBundle} 页，每个文件最多 ${caps.maxPagesPerFile} 页）…`
      : '正在解析文件 …',
  );
  const extracted = await extractBundle(source, {
    ...options.extraction,
    ...(ocr === false ? {} : { analyser: bundleOcr(ocr ?? {}, tally) }),
  });
  progress(`已解析 ${extracted.entries.length} 个文件`);
  if (caps) progress(ocrSummary(tally, caps));
  return checkExtractedBundle({
    documents: extracted.entries,
    bundleFindings: extracted.findings,
    campaign: options.campaign,
    receivedAt: options.receivedAt,
    recommendingUnit: options.recommendingUnit,
  });
}

/** The OCR progress line: counts and times, never document text. */
export function ocrSummary(tally: OcrTally, caps: Pick<OcrOptions, 'maxPagesPerBundle' | 'maxPagesPerFile'>): string {
  const over = [
    ...(tally.overBundleCap > 0 ? [`${tally.overBundleCap} 页超出每包 ${caps.maxPagesPerBundle} 页上限`] : []),
    ...(tally.overFileCap > 0 ? [`${tally.overFileCap} 页超出每个文件 ${caps.maxPagesPerFile} 页上限`] : []),
  ];
  return `文字识别完成：${tally.documents} 个扫描件识别 ${tally.pagesRead} 页，用时 ${(tally.ms / 1000).toFixed(1)} 秒${over.map((o) => `，${o}`).join('')}`;
}

/** The completeness report of a bundle path (see `checkBundlePathDetailed`). */
export async function checkBundlePath(path: string, options: CheckBundlePathOptions): Promise<CheckedBundle['report']> {
  return (await checkBundlePathDetailed(path, options)).report;
}
