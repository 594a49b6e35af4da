import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeEntryName, unsafePathReason } from '../../shared/bundle/entryPath.js';
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildBundleZip, buildZipBomb } from '../fixtures/bundleZip.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { buildRawZip } from '../fixtures/rawZip.js';

const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 20_000 });
const work = mkdtempSync(path.join(tmpdir(), 'bundle-test-'));
afterAll(async () => {
  await sandbox.close();
  await rm(work, { recursive: true, force: true });
});
let n = 0;
function zipFile(bytes: Buffer): string {
  const file = path.join(work, `b${n++}.zip`);
  writeFileSync(file, bytes);
  return file;
}
const codesOf = (entry: { findings: { code: string }[] } | undefined) => entry?.findings.map((f) => f.code) ?? [];

describe('zip bundles', () => {
  it('decodes GBK entry names (no UTF-8 flag) and UTF-8 names (flag set or not)', async () => {
    const pdf = await buildPdf([['推荐公函']]);
    const zip = buildBundleZip([
      { name: '附件2 吉林省质量奖（质量管理）组织申报表-某公司.pdf', data: pdf, gbkName: true },
      { name: '推荐公函.pdf', data: pdf },
    ]);
    const { entries, findings } = await extractBundle({ zipPath: zipFile(zip) }, { sandbox });
    expect(findings).toEqual([]);
    expect(entries.map((e) => e.path).sort()).toEqual(
      ['推荐公函.pdf', '附件2 吉林省质量奖（质量管理）组织申报表-某公司.pdf'].sort(),
    );
    expect(decodeEntryName(Buffer.from('说明.pdf', 'utf8'), 0)).toBe('说明.pdf');
    expect(decodeEntryName(iconv.encode('说明.pdf', 'gbk'), 0)).toBe('说明.pdf');
  });

  it('ARCHIVE_UNSAFE_PATH: ../, absolute, drive letter and symlink entries are reported, the rest goes on', async () => {
    const data = Buffer.from('x');
    const zip = buildRawZip([
      { name: '../evil.txt', data },
      { name: '/etc/passwd', data },
      { name: 'C:\\Windows\\x.txt', data },
      { name: 'link', data: Buffer.from('/etc/shadow'), unixMode: 0o120777 },
      { name: '推荐公函.pdf', data: await buildPdf([['推荐公函']]) },
    ]);
    const { entries } = await extractBundle({ zipPath: zipFile(zip) }, { sandbox });
    expect(entries).toHaveLength(5);
    for (const name of ['../evil.txt', '/etc/passwd', 'C:/Windows/x.txt', 'link'])
      expect(codesOf(entries.find((e) => e.path === name)), name).toContain('ARCHIVE_UNSAFE_PATH');
    expect(entries.find((e) => e.path === '推荐公函.pdf')?.materialType).toBe('RECOMMENDATION_LETTER');
    expect(unsafePathReason('a/b/../../c')).toBe('parent-directory segment (..)');
  });

  it('ARCHIVE_LIMIT_EXCEEDED: a zip bomb is refused by its declared ratio, hashed but never inflated', async () => {
    const zip = buildBundleZip([{ name: 'ok.pdf', data: await buildPdf([['推荐公函']]) }], []);
    const bomb = buildZipBomb(20, 'bomb.pdf');
    const { entries } = await extractBundle({ zipPath: zipFile(bomb) }, { sandbox });
    expect(codesOf(entries[0])).toContain('ARCHIVE_LIMIT_EXCEEDED');
    expect(entries[0]?.metadata.sha256Of).toBe('stored bytes (not inflated)');
    expect(entries[0]?.size).toBe(20 * 1024 * 1024);
    const ok = await extractBundle({ zipPath: zipFile(zip) }, { sandbox });
    expect(codesOf(ok.entries[0])).not.toContain('ARCHIVE_LIMIT_EXCEEDED');
  });

  it('ARCHIVE_LIMIT_EXCEEDED: an entry that inflates beyond its declared size is stopped while streaming', async () => {
    const zip = buildRawZip([{ name: 'liar.pdf', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 1000 }]);
    const { entries } = await extractBundle({ zipPath: zipFile(zip) }, { sandbox });
    expect(codesOf(entries[0])).toContain('ARCHIVE_LIMIT_EXCEEDED');
  });

  it('FILE_TOO_LARGE: an entry over the per-file limit is refused before inflating', async () => {
    const zip = buildBundleZip([{ name: 'big.pdf', data: await buildPdf([['推荐公函']]) }]);
    const { entries } = await extractBundle({ zipPath: zipFile(zip) }, { sandbox, limits: { maxFileBytes: 1000 } });
    expect(codesOf(entries[0])).toContain('FILE_TOO_LARGE');
  });

  it('ARCHIVE_LIMIT_EXCEEDED: entry count and total size limits', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.alloc(600, 65) }));
    const many = await extractBundle(
      { zipPath: zipFile(buildBundleZip(files)) },
      { sandbox, limits: { maxEntries: 3 } },
    );
    // Entries beyond the limit are listed, unread, each with the finding; past the listing cap a bundle finding counts them.
    expect(many.entries.map((e) => [e.path, e.readable, codesOf(e).includes('ARCHIVE_LIMIT_EXCEEDED')])).toEqual([
      ['f0.txt', true, false],
      ['f1.txt', true, false],
      ['f2.txt', true, false],
      ['f3.txt', false, true],
      ['f4.txt', false, true],
    ]);
    expect(many.findings).toEqual([]);
    const capped = await extractBundle(
      { zipPath: zipFile(buildBundleZip(files)) },
      { sandbox, limits: { maxEntries: 3, maxListedEntries: 4 } },
    );
    expect(capped.entries).toHaveLength(4);
    expect(capped.findings.map((f) => [f.code, f.evidence])).toEqual([['ARCHIVE_LIMIT_EXCEEDED', '1']]);
    const total = await extractBundle(
      { zipPath: zipFile(buildBundleZip(files)) },
      { sandbox, limits: { maxTotalBytes: 2000 } },
    );
    expect(total.entries).toHaveLength(5);
    expect(total.entries.filter((e) => codesOf(e).includes('ARCHIVE_LIMIT_EXCEEDED'))).toHaveLength(2);
  });

  it('opens a nested zip one level deep and refuses the level below', async () => {
    const pdf = await buildPdf([['推荐公函']]);
    const level2 = buildBundleZip([{ name: 'deep.pdf', data: pdf }]);
    const level1 = buildBundleZip([
      { name: '推荐公函.pdf', data: pdf },
      { name: 'more.zip', data: level2 },
    ]);
    const outer = buildBundleZip([{ name: '某公司材料.zip', data: level1, gbkName: true }]);
    const { entries } = await extractBundle({ zipPath: zipFile(outer) }, { sandbox });
    expect(entries.map((e) => e.path)).toEqual([
      '某公司材料.zip',
      '某公司材料.zip/more.zip',
      '某公司材料.zip/推荐公函.pdf',
    ]);
    expect(entries[2]?.materialType).toBe('RECOMMENDATION_LETTER');
    expect(codesOf(entries[1])).toContain('ARCHIVE_LIMIT_EXCEEDED');
  });

  it('ARCHIVE_UNREADABLE: a bundle that is not a zip', async () => {
    const { entries, findings } = await extractBundle(
      { zipPath: zipFile(Buffer.from('not a zip at all')) },
      { sandbox },
    );
    expect(entries).toEqual([]);
    expect(findings[0]?.code).toBe('ARCHIVE_UNREADABLE');
  });
});

describe('folder bundles', () => {
  it('walks a folder in order, reads every file, reports symlinks as unsafe and opens zips inside', async () => {
    const folder = path.join(work, 'cd');
    await mkdir(path.join(folder, '某公司'), { recursive: true });
    writeFileSync(path.join(folder, '某公司', '自评报告.docx'), await buildDocx({ title: '自评报告' }));
    writeFileSync(
      path.join(folder, '汇总.zip'),
      buildBundleZip([{ name: '推荐公函.pdf', data: await buildPdf([['推荐公函']]) }]),
    );
    symlinkSync('/etc/passwd', path.join(folder, 'passwd'));
    const { entries, findings } = await extractBundle({ folder }, { sandbox });
    expect(findings).toEqual([]);
    expect(entries.map((e) => e.path)).toEqual(['passwd', '某公司/自评报告.docx', '汇总.zip', '汇总.zip/推荐公函.pdf']);
    expect(codesOf(entries[0])).toContain('ARCHIVE_UNSAFE_PATH');
    expect(entries[1]?.materialType).toBe('SELF_EVALUATION_REPORT');
  });
});

describe('ISO images', () => {
  it('ARCHIVE_UNREADABLE: an ISO image is reported as not supported, not silently dropped', async () => {
    const iso = path.join(work, 'cd.iso');
    writeFileSync(iso, Buffer.alloc(4096));
    const { entries, findings } = await extractBundle({ isoPath: iso }, { sandbox });
    expect(entries).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'ARCHIVE_UNREADABLE', file: 'cd.iso', message: expect.stringContaining('ISO') }),
    ]);
  });
});
