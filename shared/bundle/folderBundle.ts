import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { type Finding, finding } from '../findings/finding.js';
import type { BundleTally, EntrySink } from './bundleEntry.js';
import { type BundleLimits, sizeLimitBreach } from './bundleLimits.js';
import { readZipArchive } from './zipBundle.js';
import { isZipBytes } from './zipMagic.js';

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Walks a folder (an unpacked CD) in name order. Symbolic links are reported as unsafe and not followed; zips inside
 * are opened as nested archives.
 */
export async function readFolderBundle(folder: string, sink: EntrySink, limits: BundleLimits): Promise<Finding[]> {
  const tally: BundleTally = { entries: 0, totalBytes: 0 };
  const findings: Finding[] = [];
  let beyondLimit = 0;
  const walk = async (dir: string) => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      findings.push(finding('ARCHIVE_UNREADABLE', 'blocking', `folder cannot be read: ${(error as Error).message}`));
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      const file = path.relative(folder, full).split(path.sep).join('/');
      const info = await lstat(full);
      if (info.isDirectory()) {
        await walk(full);
        continue;
      }
      tally.entries++;
      if (tally.entries > limits.maxEntries) {
        beyondLimit++;
        continue;
      }
      if (info.isSymbolicLink()) {
        const target = await readlink(full);
        await sink({
          path: file,
          size: 0,
          sha256: createHash('sha256').update(target).digest('hex'),
          findings: [finding('ARCHIVE_UNSAFE_PATH', 'blocking', 'symbolic link (not followed)', { file })],
          metadata: { sha256Of: 'link target' },
        });
        continue;
      }
      if (!info.isFile()) continue;
      const over = sizeLimitBreach(info.size, tally.totalBytes, limits, file);
      if (over) {
        await sink({ path: file, size: info.size, sha256: await hashFile(full), findings: [over], metadata: {} });
        continue;
      }
      const bytes = await readFile(full);
      tally.totalBytes += bytes.length;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (isZipBytes(bytes, file)) {
        await sink({ path: file, size: bytes.length, sha256, findings: [], metadata: {}, isArchive: true });
        if (limits.maxNestingDepth < 1) continue;
        findings.push(
          ...(await readZipArchive({ buffer: bytes }, sink, { prefix: `${file}/`, depth: 1, limits, tally })),
        );
        continue;
      }
      await sink({ path: file, size: bytes.length, sha256, bytes, findings: [], metadata: {} });
    }
  };
  await walk(folder);
  if (beyondLimit > 0)
    findings.push(
      finding(
        'ARCHIVE_LIMIT_EXCEEDED',
        'blocking',
        `${beyondLimit} files beyond the limit of ${limits.maxEntries} were not read`,
      ),
    );
  return findings;
}
