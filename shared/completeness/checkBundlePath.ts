import { stat } from 'node:fs/promises';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { type BundleSource, type ExtractBundleOptions, extractBundle } from '../extraction/extractBundle.js';
import type { CompletenessReport } from '../report/completenessReport.js';
import { checkBundle } from './checkBundle.js';

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
}

/** Extracts a bundle (.zip, folder or .iso) and checks it: the convenience over `extractBundle` + `checkBundle`. */
export async function checkBundlePath(path: string, options: CheckBundlePathOptions): Promise<CompletenessReport> {
  const source = await bundleSourceOf(path);
  const extracted = await extractBundle(source, options.extraction);
  return checkBundle({
    documents: extracted.entries,
    bundleFindings: extracted.findings,
    campaign: options.campaign,
    receivedAt: options.receivedAt,
    recommendingUnit: options.recommendingUnit,
  });
}
