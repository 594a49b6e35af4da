import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BundleEntry } from '../../shared/bundle/bundleEntry.js';
import { defaultBundleLimits } from '../../shared/bundle/bundleLimits.js';
import { readZipArchive } from '../../shared/bundle/zipBundle.js';
import { buildRawZip } from '../fixtures/rawZip.js';

const work = mkdtempSync(path.join(tmpdir(), 'zip-reader-test-'));
afterAll(() => rm(work, { recursive: true, force: true }));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function read(zip: Buffer) {
  const file = path.join(work, `${sha(zip).slice(0, 8)}.zip`);
  writeFileSync(file, zip);
  const entries: BundleEntry[] = [];
  const findings = await readZipArchive(
    { path: file },
    async (entry) => {
      entries.push(entry);
    },
    { prefix: '', depth: 0, limits: defaultBundleLimits, tally: { entries: 0, totalBytes: 0 } },
  );
  return { entries, findings };
}

describe('zip file reader (block cache over the file)', () => {
  it('reads small entries from cached blocks and large ones streamed across blocks, bytes intact', async () => {
    const files = [
      { name: 'small-1.bin', data: randomBytes(1000), deflate: true },
      { name: 'large-stored.bin', data: randomBytes(700 * 1024), deflate: false },
      { name: 'large-deflated.bin', data: Buffer.alloc(600 * 1024, 'x'), deflate: true },
      { name: 'small-2.bin', data: randomBytes(300 * 1024 - 7), deflate: false },
    ];
    const { entries, findings } = await read(buildRawZip(files));
    expect(findings).toEqual([]);
    expect(entries.map((e) => [e.path, e.size, e.sha256])).toEqual(
      files.map((f) => [f.name, f.data.length, sha(f.data)]),
    );
    expect(
      entries.every((e) =>
        Buffer.from(e.bytes ?? []).equals(files.find((f) => f.name === e.path)?.data ?? Buffer.alloc(1)),
      ),
    ).toBe(true);
  });

  it('ARCHIVE_UNREADABLE: a zip cut short is reported, not thrown', async () => {
    const zip = buildRawZip([{ name: 'a.bin', data: randomBytes(400 * 1024), deflate: false }]);
    const { findings } = await read(zip.subarray(0, zip.length - 40));
    expect(findings.map((f) => f.code)).toEqual(['ARCHIVE_UNREADABLE']);
  });
});
