import { type Finding, finding } from '../findings/finding.js';
import type { EntrySink } from './bundleEntry.js';
import type { BundleLimits } from './bundleLimits.js';

/** ISO 9660 / Joliet images (filled in by the ISO step). */
export async function readIsoBundle(isoPath: string, _sink: EntrySink, _limits: BundleLimits): Promise<Finding[]> {
  return [finding('ARCHIVE_UNREADABLE', 'blocking', 'ISO images are not supported yet', { file: isoPath })];
}
