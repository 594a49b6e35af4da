import { type Finding, finding } from '../findings/finding.js';
import type { EntrySink } from './bundleEntry.js';
import type { BundleLimits } from './bundleLimits.js';

/**
 * ISO 9660 / Joliet images are not read: no maintained pure-JavaScript ISO reader is installed (the candidate is the
 * 7za binary shipped inside the `7zip-bin` npm package, not yet added). The bundle is reported, never silently dropped.
 */
export async function readIsoBundle(isoPath: string, _sink: EntrySink, _limits: BundleLimits): Promise<Finding[]> {
  return [
    finding(
      'ARCHIVE_UNREADABLE',
      'blocking',
      'ISO 9660/Joliet images are not supported: upload the CD contents as a .zip or a folder',
      { file: isoPath.split(/[\\/]/).pop() ?? isoPath },
    ),
  ];
}
