import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/localRuntime.js';
import { drawLocalPanel } from '../../../infra/local/panelDraw.js';
import { consoleApp } from '../../../infra/web/consoleApp.js';
import { type ConsoleBackend, localConsoleBackend } from '../../../infra/web/consoleBackend.js';
import { defaultBundleLimits } from '../../../shared/bundle/bundleLimits.js';
import { readZipArchive } from '../../../shared/bundle/zipBundle.js';
import { applicationPk, panelSk } from '../../../shared/records/keys.js';
import type { RecordsTable } from '../../../shared/records/recordsTable.js';
import { type BundleFile, buildBundleZip } from '../../fixtures/bundleZip.js';
import { ConsoleClient } from './consoleClient.js';
import { type ConsoleWho, consolePasswords, startConsoleRuntime } from './consoleFixture.js';

/**
 * The documents of an application in the console, the findings linked to them and the auditor's re-verification of
 * panel draws. Two bundles of one unit: qm-ind-complete (drawn a 资料评审 panel) and qm-ind-scanned-form with four
 * files added: a name with a double extension (申报表.pdf.exe, refused unread), a PDF whose name hides a zero-width
 * space, an executable, and a note at the root whose name holds an ID number.
 */
const idNumber = '220102197805123018';
const stage = 'MATERIAL_REVIEW';

let fixture: Awaited<ReturnType<typeof startConsoleRuntime>>;
let runtime: LocalRuntime;
let backend: ConsoleBackend;
let app: Hono<never>;
/** qm-ind-complete's 赵立新 (drawn) and qm-ind-scanned-form's 钱晓燕 with the untrusted files. */
let drawnId: string;
let scannedId: string;
const completeEntries = new Map<string, Buffer>();

async function entriesOf(zip: string): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  await readZipArchive(
    { path: resolve(zip) },
    async (e) => {
      if (e.bytes) files.push({ name: e.path, data: Buffer.from(e.bytes) });
    },
    { prefix: '', depth: 0, limits: defaultBundleLimits, tally: { entries: 0, totalBytes: 0 } },
  );
  return files;
}

async function as(who: ConsoleWho): Promise<ConsoleClient> {
  const client = new ConsoleClient(app);
  expect((await client.signIn(who, consolePasswords[who])).status).toBe(303);
  return client;
}

/** A GET whose body is kept as bytes (a document), with the client's session. */
const fetchAs = (client: ConsoleClient, path: string) =>
  app.request(path, { headers: client.cookie ? { cookie: client.cookie } : {} });

/** The hrefs in the table row whose file cell is `path` (as the page shows it). */
function rowLinks(page: string, path: string): string[] {
  const row = page.split('<tr>').find((r) => r.startsWith(`<td class="file">${path}</td>`));
  return [...(row ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string);
}

/** The findings-table row of a finding code whose message contains `text`. */
function findingRow(page: string, code: string, text: string): string {
  return page.split('<tr>').find((r) => r.includes(`<code>${code}</code>`) && r.includes(text)) ?? '';
}

const utf8Name = (name: string) => `filename*=UTF-8''${encodeURIComponent(name)}`;
const sha = (bytes: Uint8Array | Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  fixture = await startConsoleRuntime('award-documents-');
  runtime = fixture.runtime;
  const users = fixture.users;
  backend = localConsoleBackend(runtime);
  app = consoleApp({ backend, users }) as unknown as Hono<never>;
  const unit = { id: 'cc-unit', role: 'recommending_unit' } as const;
  const reviewer = { id: 'reviewer', role: 'reviewer' } as const;

  const complete = await entriesOf('examples/qm-ind-complete.zip');
  for (const f of complete) completeEntries.set(f.name, f.data);
  const submit = async (name: string, bytes: Buffer) =>
    (await backend.submit({ unitId: 'changchun-amr', actor: unit, file: { name, bytes } })).applications[0]
      ?.applicationId as string;
  drawnId = await submit('qm-ind-complete.zip', readFileSync(resolve('examples/qm-ind-complete.zip')));

  const scanned = await entriesOf('examples/qm-ind-scanned-form.zip');
  const pdf = scanned.find((f) => f.name === '钱晓燕/所在单位推荐意见.pdf')?.data as Buffer;
  const executable = Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
    Buffer.alloc(64),
  ]);
  scannedId = await submit(
    'qm-ind-scanned-form-extra.zip',
    buildBundleZip([
      ...scanned,
      { name: '钱晓燕/申报表.pdf.exe', data: executable },
      { name: '钱晓燕/附件\u200B说明.pdf', data: pdf },
      { name: '钱晓燕/工具.exe', data: executable },
      { name: `说明-${idNumber}.txt`, data: Buffer.from('补充说明\n') },
    ]),
  );

  // 赵立新 through 征求意见 and 社会公示 to 资料评审, where the office draws the panel.
  for (const department of (await backend.consultation(drawnId)).outstanding)
    await backend.recordOpinion({
      actor: reviewer,
      applicationId: drawnId,
      department,
      opinion: 'no_objection',
      summary: '无不良记录',
      evidence: { name: `${department}.pdf`, bytes: Buffer.from('%PDF-1.4\n') },
    });
  const window = await runtime.repo.getWindow(drawnId, 'SOCIAL_PUBLICITY');
  runtime.clock.set(new Date(window?.closesAt as string));
  await runtime.resumeDue();
  expect((await runtime.repo.getApplication(drawnId))?.stage).toBe(stage);
  await drawLocalPanel(runtime, { actor: reviewer, applicationId: drawnId, stage });
}, 180_000);

afterAll(async () => {
  await fixture?.stop();
});

describe('documents of an application in the console', () => {
  it('shows a PDF inline under a sandbox CSP and sends a Word file as an attachment, named as uploaded', async () => {
    const reviewer = await as('reviewer');
    const { text } = await reviewer.get(`/applications/${drawnId}`);
    const [view, download] = rowLinks(text, '赵立新/所在单位推荐意见.pdf');
    expect(view).toMatch(new RegExp(`^/applications/${drawnId}/documents/\\d+$`));
    expect(download).toBe(`${view}/download`);
    expect(text).toContain('aria-label="在线查看：所在单位推荐意见.pdf">在线查看</a>');

    const inline = await fetchAs(reviewer, view as string);
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/pdf');
    const disposition = inline.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^inline; filename="document-\d+\.pdf"; /);
    expect(disposition).toContain(utf8Name('所在单位推荐意见.pdf'));
    const csp = inline.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
    const expected = completeEntries.get('赵立新/所在单位推荐意见.pdf') as Buffer;
    expect(sha(new Uint8Array(await inline.arrayBuffer()))).toBe(sha(expected));

    const attached = await fetchAs(reviewer, download as string);
    expect(attached.headers.get('content-type')).toBe('application/pdf');
    expect(attached.headers.get('content-disposition')).toMatch(/^attachment; /);

    // A Word file has no inline view: its link downloads it with its own type.
    const [word, ...rest] = rowLinks(text, '赵立新/个人申报表.docx');
    expect(rest).toEqual([]);
    expect(word).toMatch(/\/download$/);
    const docx = await fetchAs(reviewer, (word as string).replace(/\/download$/, ''));
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="document-\d+\.docx"; /);
    expect(docx.headers.get('content-disposition')).toContain(utf8Name('个人申报表.docx'));
    expect(sha(new Uint8Array(await docx.arrayBuffer()))).toBe(
      sha(completeEntries.get('赵立新/个人申报表.docx') as Buffer),
    );
  });

  it('serves a unit its own documents only (another unit: 404); an index that is no index, or out of range, is 404', async () => {
    const { text } = await (await as('reviewer')).get(`/applications/${drawnId}`);
    const [view] = rowLinks(text, '赵立新/所在单位推荐意见.pdf');
    expect((await fetchAs(await as('cc-unit'), view as string)).status).toBe(200);
    expect((await fetchAs(await as('auditor'), view as string)).status).toBe(200);
    const other = await as('jl-unit');
    expect((await fetchAs(other, view as string)).status).toBe(404);
    expect((await fetchAs(other, `${view}/download`)).status).toBe(404);
    const anonymous = await fetchAs(new ConsoleClient(app), view as string);
    expect(anonymous.status).toBe(303);
    const reviewer = await as('reviewer');
    const count = (await backend.applicationDocuments(drawnId))?.documents.length as number;
    for (const bad of [String(count), '99999', '-1', '01', '1.0', '0x1', '%2E%2E%2Fextracted', 'report.json'])
      expect((await fetchAs(reviewer, `/applications/${drawnId}/documents/${bad}`)).status, bad).toBe(404);
    expect((await fetchAs(reviewer, `/applications/${drawnId}/documents/${count - 1}`)).status).toBe(200);
  });

  it('never shows an untrusted file inline: bytes only as octet-stream, and nothing for a file the intake refused', async () => {
    const reviewer = await as('reviewer');
    const { text } = await reviewer.get(`/applications/${scannedId}`);
    // The double extension was not unpacked: listed, with no link.
    expect(rowLinks(text, '钱晓燕/申报表.pdf.exe')).toEqual([]);
    const refused = (await backend.applicationDocuments(scannedId))?.documents.find((d) => d.path.endsWith('.pdf.exe'));
    expect(refused?.delivery).toBe('not-stored');
    expect((await fetchAs(reviewer, `/applications/${scannedId}/documents/${refused?.index}`)).status).toBe(404);
    // A PDF whose name hides a zero-width space: shown escaped, downloadable only, never as a PDF.
    const hidden = rowLinks(text, '钱晓燕/附件\\u200B说明.pdf');
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatch(/\/download$/);
    for (const path of [(hidden[0] as string).replace(/\/download$/, ''), hidden[0] as string]) {
      const res = await fetchAs(reviewer, path);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(res.headers.get('content-disposition')).toContain(utf8Name('附件说明.pdf'));
    }
    const [exe] = rowLinks(text, '钱晓燕/工具.exe');
    const executable = await fetchAs(reviewer, (exe as string).replace(/\/download$/, ''));
    expect(executable.headers.get('content-type')).toBe('application/octet-stream');
    expect(executable.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('links each finding to the document and page it names, masking ID numbers for the unit', async () => {
    const { text } = await (await as('reviewer')).get(`/applications/${scannedId}`);
    // 钱晓燕's form is an image-only scan: page 1 of 个人申报表.pdf.
    const scan = findingRow(text, 'SCAN_WITHOUT_TEXT', '个人申报表');
    expect(scan).toContain('阻断');
    const scanLink = /href="([^"]+)"/.exec(scan)?.[1] as string;
    expect(scanLink).toMatch(new RegExp(`^/applications/${scannedId}/documents/\\d+#page=1$`));
    const scanned = await fetchAs(await as('reviewer'), scanLink.replace(/#.*$/, ''));
    expect(scanned.headers.get('content-disposition')).toContain(utf8Name('个人申报表.pdf'));
    // 从事质量相关工作年限 read from line 4 of a Word file: a link to the file, no page fragment.
    const years = findingRow(text, 'QUALITY_WORK_YEARS_TOO_FEW', '不足5年');
    const yearsLink = /href="([^"]+)"/.exec(years)?.[1] as string;
    expect(yearsLink).toMatch(new RegExp(`^/applications/${scannedId}/documents/\\d+$`));
    const word = await fetchAs(await as('reviewer'), yearsLink);
    expect(word.headers.get('content-disposition')).toContain(utf8Name('主要成绩与突出贡献.docx'));
    // The refused file is named, not linked.
    expect(findingRow(text, 'FILE_NAME_DECEPTIVE', 'could fool')).toContain('钱晓燕/申报表.pdf.exe（未保存）');
    // The note at the root belongs to no application: listed with its finding under 材料包.
    expect(text).toContain(`说明-${idNumber}.txt`);
    const unitView = (await (await as('cc-unit')).get(`/applications/${scannedId}`)).text;
    expect(unitView).not.toContain(idNumber);
    expect(unitView).toContain('说明-220***********3018.txt');
    expect(unitView).toContain('文件名和问题说明中的身份证号、电话号码已按您的角色隐去部分数字');
  });
});

describe('panel draws re-verified on the history page', () => {
  it('shows 复核一致 for the draw as made, and 复核不一致 once its stored pool snapshot is altered', async () => {
    const auditor = await as('auditor');
    const drawn = (await runtime.repo.listEvents(drawnId)).find((e) => e.type === 'PANEL_DRAWN');
    const members = drawn?.data.drawn as string[];
    expect(members.length).toBeGreaterThan(0);
    const { text } = await auditor.get(`/applications/${drawnId}/history`);
    expect(text).toContain('履历核验通过');
    expect(text).toContain('<span class="badge ok">复核一致</span>');
    expect(text).not.toContain('复核不一致');
    expect(text).toContain(String(drawn?.data.seed));
    expect(text).toContain(String(drawn?.data.poolHash));
    for (const id of members) expect(text).toContain(`（${id}）`);

    // Edit the panel item directly in the table: one expert's unit in the kept pool snapshot.
    const table = (runtime.repo as unknown as { table: RecordsTable }).table;
    const panel = await runtime.repo.getPanel(drawnId, stage);
    const snapshot = structuredClone(panel?.poolSnapshot ?? []) as { unit: string }[];
    (snapshot[0] as { unit: string }).unit = '另一家单位';
    await table.update(
      { pk: applicationPk(drawnId), sk: panelSk(stage) },
      { expression: 'SET poolSnapshot = :p', values: { ':p': snapshot } },
    );
    const after = (await auditor.get(`/applications/${drawnId}/history`)).text;
    expect(after).toContain('<span class="badge bad">复核不一致</span>');
    expect(after).toContain('专家库哈希与保存的快照不一致');
    expect(after).not.toContain('复核一致');
    // The history chain itself is untouched: only the draw's inputs were.
    expect(after).toContain('履历核验通过');
    // A panel seating someone the draw did not draw is inconsistent too.
    await table.update(
      { pk: applicationPk(drawnId), sk: panelSk(stage) },
      { expression: 'SET members = :m', values: { ':m': [...members.slice(1), 'someone-else'] } },
    );
    expect((await auditor.get(`/applications/${drawnId}/history`)).text).toContain('专家组成员与抽取记录不一致');
  });
});
