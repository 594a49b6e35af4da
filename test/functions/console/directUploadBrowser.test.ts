import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsConsoleBackend } from '../../../functions/console/awsConsoleBackend.js';
import { consoleApp } from '../../../infra/web/consoleApp.js';
import type { DirectUploads, UploadedPart } from '../../../infra/web/routes/uploadRoutes.js';
import { ConsoleUsers } from '../../../infra/web/users.js';
import { SfnTaskTokenAdapter } from '../../../shared/actions/sfnTaskTokenAdapter.js';
import { LocalDiskObjectStore } from '../../../shared/objects/localDiskObjectStore.js';
import { type LocalRecords, startLocalRecords } from '../../support/dynalite.js';

/**
 * The upload script against a stand-in for S3 on another origin (CORS preflight, PUT of presigned part URLs, ETag):
 * the page's CSP must let it connect there, a connection dropped on a part pauses the upload, and the next click
 * resumes from the parts already stored. Sign-in is the users file's here; the routes and the backend are AWS's.
 */
const chromiumPath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'award-direct-upload-'));
let records: LocalRecords;
let browser: Browser;
let storage: Server;
let web: { close(): void };
let consoleOrigin = '';
const stored = new Map<number, number>();
const received: number[] = [];
let dropPart = 0;
let completed: UploadedPart[] = [];

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  records = await startLocalRecords();
  storage = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': consoleOrigin,
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': 'content-type',
      'access-control-expose-headers': 'ETag',
    };
    if (req.method === 'OPTIONS') return res.writeHead(200, cors).end();
    const part = Number(new URL(req.url ?? '/', 'http://s3').searchParams.get('partNumber'));
    if (part === dropPart) return req.socket.destroy();
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    req.on('end', () => {
      stored.set(part, size);
      received.push(part);
      res.writeHead(200, { ...cors, etag: `"e${part}"` }).end();
    });
  });
  const storageOrigin = `http://127.0.0.1:${await listen(storage)}`;
  const uploads: DirectUploads = {
    origin: storageOrigin,
    partSize: 5 * MB,
    create: async () => ({ uploadId: 'up-1' }),
    presignParts: async ({ uploadId, partNumbers }) =>
      partNumbers.map((n) => ({ partNumber: n, url: `${storageOrigin}/b/k?uploadId=${uploadId}&partNumber=${n}` })),
    listParts: async () => [...stored].map(([n, size]) => ({ partNumber: n, etag: `"e${n}"`, size })),
    complete: async ({ parts }) => {
      completed = parts;
      return { bundleId: 'b-direct' };
    },
    abort: async () => {},
  };
  const users = new ConsoleUsers(join(dir, 'users.json'));
  await users.add({ name: 'unit-a', role: 'recommending_unit', unitId: 'UNIT-A', password: 'unit-pass-1' });
  const repo = records.repository;
  const now = () => new Date();
  const app = consoleApp({
    backend: awsConsoleBackend({
      repo,
      objects: new LocalDiskObjectStore(dir),
      actions: { ctx: { repo, now }, tasks: new SfnTaskTokenAdapter(new SFNClient({ region: 'cn-north-1' })) },
      bucket: 'b',
      incomingVersions: async () => [],
      intakeState: async () => 'RUNNING',
      now,
    }),
    users,
    directUploads: uploads,
  });
  const port = await new Promise<number>((resolve) => {
    web = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  consoleOrigin = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  web?.close();
  storage?.close();
  await records?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a bundle uploaded from the browser straight to storage', () => {
  it('pauses when a part’s connection drops, then resumes with only the parts not yet stored', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${consoleOrigin}/sign-in`);
    await page.fill('#name', 'unit-a');
    await page.fill('#password', 'unit-pass-1');
    await page.click('button[type=submit]');
    await page.waitForURL(`${consoleOrigin}/unit`);
    await page.setInputFiles('#bundle', {
      name: '申报材料.zip',
      mimeType: 'application/zip',
      buffer: Buffer.alloc(12 * MB, 7),
    });

    dropPart = 2;
    await page.getByRole('button', { name: '上传并检查' }).click();
    const status = page.locator('form[data-upload] [data-status]');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('上传已暂停');
    expect(received).toEqual([1]);
    expect(completed).toEqual([]);

    dropPart = 0;
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.waitForURL(`${consoleOrigin}/bundles/b-direct`, { timeout: 30_000 });
    expect(received).toEqual([1, 2, 3]);
    expect(completed.map((p) => [p.partNumber, p.size])).toEqual([
      [1, 5 * MB],
      [2, 5 * MB],
      [3, 2 * MB],
    ]);
    expect(blocked).toEqual([]);
  }, 90_000);
});
