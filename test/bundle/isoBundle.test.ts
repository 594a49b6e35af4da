import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildQmOrgFormDocx } from '../fixtures/applicationForms.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { buildIso } from '../fixtures/isoImage.js';

const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 20_000 });
const work = mkdtempSync(path.join(tmpdir(), 'iso-test-'));
afterAll(async () => {
  await sandbox.close();
  await rm(work, { recursive: true, force: true });
});
let n = 0;
function isoFile(bytes: Buffer): string {
  const file = path.join(work, `cd${n++}.iso`);
  writeFileSync(file, bytes);
  return file;
}
const codesOf = (entry: { findings: { code: string }[] } | undefined) => entry?.findings.map((f) => f.code) ?? [];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ISO 9660/Joliet bundles', () => {
  it('reads Chinese Joliet names in nested folders, extracts every file and keeps its sha256 and size', async () => {
    const form = await buildQmOrgFormDocx({ name: '长春某某制造有限公司', creditCode: '91220101MA00000010' });
    const letter = await buildPdf([['推荐公函', '吉林省市场监督管理厅：']]);
    const iso = buildIso([
      { path: '长春市/附件2 吉林省质量奖（质量管理）组织申报表-某公司.docx', bytes: form },
      { path: '长春市/推荐材料/推荐公函.pdf', bytes: letter },
    ]);
    const { entries, findings } = await extractBundle({ isoPath: isoFile(iso) }, { sandbox });
    expect(findings).toEqual([]);
    expect(entries.map((e) => [e.path, e.size, e.sha256])).toEqual([
      ['长春市/推荐材料/推荐公函.pdf', letter.length, sha256(letter)],
      ['长春市/附件2 吉林省质量奖（质量管理）组织申报表-某公司.docx', form.length, sha256(form)],
    ]);
    expect(entries.map((e) => e.materialType)).toEqual(['RECOMMENDATION_LETTER', 'QM_ORG_APPLICATION_FORM']);
    expect(entries[1]?.records.organisation?.name).toBe('长春某某制造有限公司');
  });

  it('opens a zip inside the image as a nested archive', async () => {
    const letter = await buildPdf([['推荐公函']]);
    const iso = buildIso([{ path: '材料.zip', bytes: buildBundleZip([{ name: '推荐公函.pdf', data: letter }]) }]);
    const { entries } = await extractBundle({ isoPath: isoFile(iso) }, { sandbox });
    expect(entries.map((e) => e.path)).toEqual(['材料.zip', '材料.zip/推荐公函.pdf']);
    expect(entries[1]?.materialType).toBe('RECOMMENDATION_LETTER');
  });

  it('FILE_TOO_LARGE: a file over the per-file limit is hashed as it streams but not parsed', async () => {
    const big = Buffer.alloc(300_000, 7);
    const iso = buildIso([{ path: '大文件.pdf', bytes: big }]);
    const { entries } = await extractBundle({ isoPath: isoFile(iso) }, { sandbox, limits: { maxFileBytes: 100_000 } });
    expect(codesOf(entries[0])).toContain('FILE_TOO_LARGE');
    expect(entries[0]).toMatchObject({ size: big.length, sha256: sha256(big), readable: false });
  });

  it('ARCHIVE_LIMIT_EXCEEDED: total size and entry count over the limits, the rest goes on', async () => {
    const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => ({ path: name, bytes: Buffer.alloc(1000, 65) }));
    const total = await extractBundle(
      { isoPath: isoFile(buildIso(files)) },
      { sandbox, limits: { maxTotalBytes: 2500 } },
    );
    expect(total.entries.map((e) => codesOf(e).includes('ARCHIVE_LIMIT_EXCEEDED'))).toEqual([false, false, true]);
    const count = await extractBundle({ isoPath: isoFile(buildIso(files)) }, { sandbox, limits: { maxEntries: 2 } });
    expect(count.entries.map((e) => [e.path, codesOf(e).includes('ARCHIVE_LIMIT_EXCEEDED')])).toEqual([
      ['a.txt', false],
      ['b.txt', false],
      ['c.txt', true],
    ]);
    const capped = await extractBundle(
      { isoPath: isoFile(buildIso(files)) },
      { sandbox, limits: { maxEntries: 1, maxListedEntries: 2 } },
    );
    expect(capped.entries).toHaveLength(2);
    expect(capped.findings.map((f) => [f.code, f.evidence])).toEqual([['ARCHIVE_LIMIT_EXCEEDED', '1']]);
  });

  it('ARCHIVE_UNREADABLE: a damaged image, and a zip named .iso', async () => {
    const damaged = buildIso([{ path: 'a.pdf', bytes: Buffer.from('%PDF-1.4') }]);
    damaged.fill(0, 16 * 2048, 19 * 2048);
    const broken = await extractBundle({ isoPath: isoFile(damaged) }, { sandbox });
    expect(broken.entries).toEqual([]);
    expect(broken.findings.map((f) => [f.code, f.severity])).toEqual([['ARCHIVE_UNREADABLE', 'blocking']]);
    const zip = isoFile(buildBundleZip([{ name: 'a.pdf', data: Buffer.from('%PDF-1.4') }]));
    const notIso = await extractBundle({ isoPath: zip }, { sandbox });
    expect(notIso.findings[0]?.message).toContain('not an ISO 9660/UDF image');
  });
});
