import { createHash } from 'node:crypto';
import { type Finding, finding } from '../domain/findings/finding.js';
import type { BundleTally, EntrySink } from './bundleEntry.js';
import { type BundleLimits, beyondEntryLimit, sizeLimitBreach, unlistedEntries } from './bundleLimits.js';
import { deceptiveNameFinding, refusesReading } from './deceptiveName.js';
import { unsafePathReason } from './entryPath.js';
import { runSevenZip } from './sevenZip.js';
import { readZipArchive } from './zipBundle.js';
import { archiveNamedAsPackage, isZipBytes } from './zipMagic.js';

export interface IsoReadOptions {
  /** Time budget of one 7-Zip run (listing the image, or reading one file). */
  timeoutMs?: number;
}

interface IsoListing {
  type?: string;
  entries: { path: string; size: number; symlink: string }[];
  /** 7-Zip's errors or warnings about the image. */
  problems: string[];
}

/** Cap on the listing text: ~2 KB per entry at the entry limit is plenty; beyond it the image is refused. */
const maxListingBytes = 32 * 1024 * 1024;

/** `7zz l -slt` output: archive properties, then one `Key = value` block per item. */
function parseListing(text: string): IsoListing {
  const [head = '', body = ''] = text.split(/^-{10}$/m);
  const type = /^Type = (.*)$/m.exec(head)?.[1]?.trim();
  const problems = [
    ...head.matchAll(/^(?:ERROR|WARNING|Warnings?|Errors?|Open WARNING|Open ERROR)\s*[:=][ \t]*(\S.*)$/gm),
  ].map((m) => (m[1] as string).trim());
  // 7-Zip's block form: `ERRORS:` (or `WARNINGS:`) on its own line, then one problem a line.
  for (const block of head.matchAll(/^(?:ERRORS|WARNINGS):[ \t]*\n((?:[^\n=]+\n)+)/gm))
    problems.push(
      ...(block[1] as string)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  const entries: IsoListing['entries'] = [];
  for (const block of body.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z ]+?) = (.*)$/.exec(line);
      if (m) fields.set(m[1] as string, m[2] as string);
    }
    const itemPath = fields.get('Path');
    if (itemPath === undefined || fields.get('Folder') === '+') continue;
    entries.push({
      path: itemPath,
      size: Number.parseInt(fields.get('Size') ?? '0', 10) || 0,
      symlink: fields.get('Symbolic Link') ?? '',
    });
  }
  return { ...(type ? { type } : {}), entries, problems };
}

type Read = { ok: true; bytes?: Buffer; length: number; sha256: string } | { ok: false; reason: string };

/**
 * 7-Zip's exit code 2 covers the whole image (`ERRORS: Unexpected end of archive`) as well as the file asked for.
 * The file is intact when 7-Zip names no error for it (`ERROR: Data Error : path`) and gave all its listed bytes.
 */
function fileError(run: { exitCode: number | null; stderr: string }, length: number, listedSize: number) {
  if (run.exitCode === 0) return undefined;
  const named = run.stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^ERROR:/.test(l));
  if (named) return named;
  if (run.exitCode === 2 && length === listedSize) return undefined;
  return run.stderr || `7-Zip exit code ${run.exitCode}`;
}

/** Streams one file out of the image, hashing it; keeps the bytes only when `keepUpTo` allows. */
async function readEntry(
  isoPath: string,
  entryPath: string,
  listedSize: number,
  keepUpTo: number,
  timeoutMs: number,
): Promise<Read> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let length = 0;
  const run = await runSevenZip(
    ['x', '-so', '-spd', '-y', '-bd', '--', isoPath, entryPath],
    (chunk) => {
      length += chunk.length;
      hash.update(chunk);
      if (length <= keepUpTo) chunks.push(chunk);
      return undefined;
    },
    timeoutMs,
  );
  if (run.killed) return { ok: false, reason: `reading exceeded ${timeoutMs} ms` };
  const error = fileError(run, length, listedSize);
  if (error) return { ok: false, reason: error };
  const sha256 = hash.digest('hex');
  return length <= keepUpTo
    ? { ok: true, bytes: Buffer.concat(chunks, length), length, sha256 }
    : { ok: true, length, sha256 };
}

/**
 * Reads an ISO 9660 image (with Joliet names, Chinese included; UDF too) with 7-Zip, file by file in the image's
 * order: the same limits and findings as a zip (entry count, per-file and total size, unsafe paths, symbolic links),
 * zips inside opened as nested archives. Only the current file's bytes are held.
 */
export async function readIsoBundle(
  isoPath: string,
  sink: EntrySink,
  limits: BundleLimits,
  options: IsoReadOptions = {},
): Promise<Finding[]> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const bundleFile = isoPath.split(/[\\/]/).pop() ?? isoPath;
  const listingChunks: Buffer[] = [];
  let listingBytes = 0;
  const listed = await runSevenZip(
    ['l', '-slt', '-sccUTF-8', '-bd', '--', isoPath],
    (chunk) => {
      listingBytes += chunk.length;
      listingChunks.push(chunk);
      return listingBytes <= maxListingBytes;
    },
    timeoutMs,
  );
  const listing = parseListing(Buffer.concat(listingChunks).toString('utf8'));
  const unreadable = (reason: string) => [
    finding('ARCHIVE_UNREADABLE', 'blocking', `the ISO image cannot be read: ${reason}`, { file: bundleFile }),
  ];
  if (listed.killed)
    return unreadable(listingBytes > maxListingBytes ? 'its listing is too large' : `listing exceeded ${timeoutMs} ms`);
  if (listed.exitCode !== 0 && listing.entries.length === 0)
    return unreadable(listed.stderr.split('\n').pop() || `7-Zip exit code ${listed.exitCode}`);
  if (listing.type !== 'Iso' && listing.type !== 'Udf')
    return unreadable(`not an ISO 9660/UDF image (7-Zip reads it as ${listing.type ?? 'nothing'})`);

  const findings: Finding[] = [];
  if (listed.exitCode !== 0 || listing.problems.length > 0)
    findings.push(
      finding('ARCHIVE_UNREADABLE', 'review', `the image has errors: ${listing.problems.join('; ') || listed.stderr}`, {
        file: bundleFile,
      }),
    );
  const tally: BundleTally = { entries: 0, totalBytes: 0 };
  let unlisted = 0;
  for (const item of listing.entries) {
    tally.entries++;
    const file = item.path.replace(/\\/g, '/');
    if (tally.entries > limits.maxEntries) {
      if (tally.entries > limits.maxListedEntries) unlisted++;
      else
        await sink({
          path: file,
          size: item.size,
          sha256: createHash('sha256').digest('hex'),
          findings: [beyondEntryLimit(limits, file)],
          metadata: { sha256Of: 'nothing (not read)' },
        });
      continue;
    }
    const deceptive = deceptiveNameFinding(file);
    if (item.symlink) {
      await sink({
        path: file,
        size: 0,
        sha256: createHash('sha256').update(item.symlink).digest('hex'),
        findings: [
          finding('ARCHIVE_UNSAFE_PATH', 'blocking', 'symbolic link (not followed)', { file }),
          ...(deceptive ? [deceptive] : []),
        ],
        metadata: { sha256Of: 'link target' },
      });
      continue;
    }
    const entryFindings: Finding[] = [];
    const unsafe = unsafePathReason(item.path);
    if (unsafe)
      entryFindings.push(finding('ARCHIVE_UNSAFE_PATH', 'blocking', `unsafe entry path: ${unsafe}`, { file }));
    if (deceptive) entryFindings.push(deceptive);
    const refuse = sizeLimitBreach(item.size, tally.totalBytes, limits, file);
    if (refuse) entryFindings.push(refuse);
    // Refused, unsafe and deceptively named entries are hashed as they stream past, never held.
    const keep =
      refuse || unsafe || refusesReading(deceptive)
        ? -1
        : Math.min(limits.maxFileBytes, limits.maxTotalBytes - tally.totalBytes);
    const read = await readEntry(isoPath, item.path, item.size, keep, timeoutMs);
    if (!read.ok) {
      entryFindings.push(
        finding('FILE_UNREADABLE', 'review', `cannot be read from the image: ${read.reason}`, { file }),
      );
      await sink({
        path: file,
        size: item.size,
        sha256: createHash('sha256').digest('hex'),
        findings: entryFindings,
        metadata: { sha256Of: 'nothing (unreadable)' },
      });
      continue;
    }
    if (!refuse) tally.totalBytes += read.length;
    const entry = { path: file, size: read.length, sha256: read.sha256, findings: entryFindings, metadata: {} };
    if (!read.bytes) {
      await sink(entry);
      continue;
    }
    if (isZipBytes(read.bytes, file)) {
      const misnamed = archiveNamedAsPackage(file);
      if (misnamed) entryFindings.push(misnamed);
      if (limits.maxNestingDepth < 1)
        entryFindings.push(
          finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `archive nested deeper than ${limits.maxNestingDepth}`, { file }),
        );
      await sink({ ...entry, isArchive: true });
      if (limits.maxNestingDepth < 1) continue;
      findings.push(
        ...(await readZipArchive({ buffer: read.bytes }, sink, { prefix: `${file}/`, depth: 1, limits, tally })),
      );
      continue;
    }
    await sink({ ...entry, bytes: read.bytes });
  }
  if (unlisted > 0) findings.push(unlistedEntries(unlisted, limits, bundleFile));
  return findings;
}
