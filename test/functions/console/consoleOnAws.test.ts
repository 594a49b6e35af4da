import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeExecutionCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awsConsoleApp, intakeExecutionArn } from '../../../functions/console/awsConsoleApp.js';
import { csrfTokenOf, type JwtClaims, userOfClaims } from '../../../functions/console/cognitoIdentity.js';
import { bundleIdOf } from '../../../shared/actions/registerBundle.js';
import { applicationAt, contextOf } from '../../actions/actionFixture.js';
import { type LocalRecords, startLocalRecords } from '../../support/dynalite.js';

const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const secrets = mockClient(SecretsManagerClient);
const key = 'k'.repeat(64);
const bucket = 'award-submissions';
const config = {
  bucket,
  uploadOrigin: `https://${bucket}.s3.cn-north-1.amazonaws.com.cn`,
  intakeStateMachineArn: 'arn:aws:states:cn-north-1:111122223333:stateMachine:JilinQualityAward-Intake',
  authBaseUrl: 'https://award-console.auth.cn-north-1.amazoncognito.com',
  clientId: 'client-1',
  consoleOrigin: 'https://console.example.cn',
  csrfSecretArn: 'arn:aws:secretsmanager:cn-north-1:111122223333:secret:csrf',
};
const MB = 1024 * 1024;
const tokenRequests: { url: string; body: string }[] = [];

let records: LocalRecords;
let app: ReturnType<typeof awsConsoleApp>['app'];

beforeAll(async () => {
  records = await startLocalRecords();
  secrets.on(GetSecretValueCommand).resolves({ SecretString: key });
  const built = awsConsoleApp(config, {
    s3: new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'secret' } }),
    sfn: new SFNClient({ region: 'cn-north-1' }),
    secrets: new SecretsManagerClient({ region: 'cn-north-1' }),
    repo: records.repository,
    fetch: async (url, init) => {
      tokenRequests.push({ url: String(url), body: String(init?.body) });
      return Response.json({ id_token: 'header.payload.signature', expires_in: 28_800, token_type: 'Bearer' });
    },
  });
  await built.ready();
  app = built.app;
});
afterAll(async () => {
  await records.stop();
});
beforeEach(() => {
  s3.reset();
  sfn.reset();
});

const now = Math.floor(Date.now() / 1000);
const claimsOf = (groups: string, extra: JwtClaims = {}): JwtClaims => ({
  sub: 'b1f2c3d4-0000-4000-8000-000000000001',
  iat: String(now),
  exp: String(now + 3600),
  token_use: 'id',
  'cognito:username': 'changchun-zhixie',
  'cognito:groups': groups,
  ...extra,
});
const unit = claimsOf('[unit]', { 'custom:unitId': 'UNIT-A' });
const reviewer = claimsOf('[reviewer]', { 'cognito:username': 'office-li' });

/** A request as API Gateway hands it on: the JWT authorizer's verified claims in the request context. */
function call(path: string, options: { claims?: JwtClaims; method?: string; json?: unknown; csrf?: string } = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  return app.request(
    `https://console.example.cn${path}`,
    {
      method: options.method ?? (options.json === undefined ? 'GET' : 'POST'),
      headers,
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
    },
    options.claims ? { requestContext: { authorizer: { jwt: { claims: options.claims, scopes: null } } } } : {},
  );
}
const post = (path: string, json: unknown, claims = unit) =>
  call(path, { claims, json, csrf: csrfTokenOf(Buffer.from(key), claims) });

describe('who signs in on AWS: the verified ID token’s claims', () => {
  it('maps the Cognito user name, the one role group and a unit’s custom:unitId', () => {
    expect(userOfClaims(unit)).toEqual({ name: 'changchun-zhixie', role: 'recommending_unit', unitId: 'UNIT-A' });
    expect(userOfClaims(claimsOf('[reviewer]'))).toEqual({ name: 'changchun-zhixie', role: 'reviewer' });
    expect(userOfClaims(claimsOf('', { 'cognito:groups': ['auditor'] }))).toMatchObject({ role: 'auditor' });
  });

  it('refuses no role group, several, an access token, and a unit without a valid unit id', () => {
    expect(userOfClaims(claimsOf('[]'))).toBe('forbidden');
    expect(userOfClaims(claimsOf('[reviewer auditor]'))).toBe('forbidden');
    expect(userOfClaims({ ...reviewer, token_use: 'access' })).toBe('forbidden');
    expect(userOfClaims(claimsOf('[unit]'))).toBe('forbidden');
    expect(userOfClaims(claimsOf('[unit]', { 'custom:unitId': '../other' }))).toBe('forbidden');
  });

  it('answers 403 to a signed-in person with several role groups, and serves the role’s pages otherwise', async () => {
    expect((await call('/queue', { claims: claimsOf('[reviewer auditor]') })).status).toBe(403);
    expect((await call('/queue', { claims: reviewer })).status).toBe(200);
    expect((await call('/queue', { claims: unit })).status).toBe(403);
    const home = await call('/', { claims: unit });
    expect(home.headers.get('location')).toBe('/unit');
    const uploaded = 'incoming/UNIT-A/更正材料.zip';
    s3.on(ListObjectVersionsCommand, { Prefix: 'incoming/UNIT-A/' }).resolves({
      Versions: [{ Key: uploaded, VersionId: 'v-9', LastModified: new Date('2025-09-20T02:00:00Z') }],
    });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    const page = await call('/unit', { claims: unit });
    expect(page.status).toBe(200);
    // What the unit uploaded is listed while it is checked (its own prefix only), however it was uploaded.
    expect(await page.text()).toContain('更正材料.zip');
    // The upload script may PUT parts to the bucket's origin, and nowhere else but the console.
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${config.uploadOrigin}`);
  });

  it('takes the CSRF token from the sign-in itself: another sign-in’s token, or none, is refused', async () => {
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
    const body = { fileName: 'a.zip', size: MB };
    expect((await call('/unit/uploads', { claims: unit, json: body })).status).toBe(403);
    const other = csrfTokenOf(Buffer.from(key), { ...unit, iat: String(now - 60) });
    expect((await call('/unit/uploads', { claims: unit, json: body, csrf: other })).status).toBe(403);
    expect(s3.commandCalls(CreateMultipartUploadCommand)).toHaveLength(0);
    expect((await post('/unit/uploads', body)).status).toBe(200);
  });

  it('signs in with Cognito’s hosted login (code with PKCE) and keeps the ID token in an httpOnly cookie', async () => {
    const start = await call('/sign-in');
    expect(start.status).toBe(303);
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${config.authBaseUrl}/oauth2/authorize`);
    expect(location.searchParams.get('redirect_uri')).toBe(`${config.consoleOrigin}/auth/callback`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    const login = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const state = location.searchParams.get('state') ?? '';

    const forged = await app.request(`https://x/auth/callback?code=c&state=other`, { headers: { cookie: login } });
    expect(forged.status).toBe(400);
    expect(tokenRequests).toHaveLength(0);

    const back = await app.request(`https://x/auth/callback?code=the-code&state=${state}`, {
      headers: { cookie: login },
    });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/');
    const cookie = back.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/__Host-award_id=header\.payload\.signature;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const exchange = new URLSearchParams(tokenRequests[0]?.body);
    expect(tokenRequests[0]?.url).toBe(`${config.authBaseUrl}/oauth2/token`);
    expect(exchange.get('code')).toBe('the-code');
    expect(exchange.get('code_verifier')?.length).toBeGreaterThan(40);
    expect(exchange.get('client_secret')).toBeNull();
  });
});

describe('an office reviewer’s decision on AWS', () => {
  it('is recorded by the reviewer action and completes the waiting Step Functions task', async () => {
    const id = await applicationAt(contextOf(records).ctx, 'FORMAL_REVIEW', 'SI');
    await records.repository.putTask({
      applicationId: id,
      stage: 'FORMAL_REVIEW',
      taskToken: 'token-formal',
      awaiting: 'decision',
      createdAt: '2025-09-10T00:00:00Z',
    });
    sfn.on(SendTaskSuccessCommand).resolves({});
    const form = new URLSearchParams({
      csrf: csrfTokenOf(Buffer.from(key), reviewer),
      stage: 'FORMAL_REVIEW',
      outcome: 'pass',
      reason: '形式审查合格',
    });
    const response = await app.request(
      `https://console.example.cn/applications/${id}/decisions`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
      { requestContext: { authorizer: { jwt: { claims: reviewer, scopes: null } } } },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/applications/${id}?done=decision`);
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input.taskToken).toBe('token-formal');
    const events = await records.repository.listEvents(id);
    expect(events.at(-1)).toMatchObject({ actor: 'office-li', stage: 'FORMAL_REVIEW' });
  });
});

describe('an office reviewer’s pages on AWS', () => {
  it('shows an application at 社会公示 with its window, and the finalisation page, read from DynamoDB', async () => {
    const id = await applicationAt(contextOf(records).ctx, 'SOCIAL_PUBLICITY', 'QM_ORG');
    await records.repository.putWindow(
      {
        applicationId: id,
        stage: 'SOCIAL_PUBLICITY',
        opensAt: '2025-09-15T00:00:00+08:00',
        closesAt: '2025-09-20T00:00:00+08:00',
        firstDay: '2025-09-15',
        lastDay: '2025-09-19',
        workingDays: 5,
        openedSeq: 1,
      },
      { idempotencyKey: 'opened', seq: 1 },
    );
    const asReviewer = { requestContext: { authorizer: { jwt: { claims: reviewer, scopes: null } } } };
    const page = await app.request(`https://console.example.cn/applications/${id}`, {}, asReviewer);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('2025-09-15');
    expect(text).toContain('5 个工作日');
    const finalisation = await app.request('https://console.example.cn/campaigns/2025/finalisation', {}, asReviewer);
    expect(finalisation.status).toBe(200);
  });
});

describe('a unit’s bundle uploaded straight to S3 in parts', () => {
  const objectKey = 'incoming/UNIT-A/申报材料.zip';

  it('starts the multipart upload under the unit’s own prefix, whatever the request says', async () => {
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'up-1' });
    const started = await post('/unit/uploads', { fileName: '申报材料.zip', size: 25 * MB });
    expect(await started.json()).toEqual({ uploadId: 'up-1', partSize: 10 * MB, parts: 3 });
    const [created] = s3.commandCalls(CreateMultipartUploadCommand);
    expect(created?.args[0].input).toMatchObject({ Bucket: bucket, Key: objectKey, ServerSideEncryption: 'aws:kms' });
    const smuggled = await post('/unit/uploads', { fileName: 'x.zip', size: MB, unitId: 'UNIT-B' });
    expect(smuggled.status).toBe(400);
    const escaping = await post('/unit/uploads', { fileName: '../../UNIT-B/x.zip', size: MB });
    expect(escaping.status).toBe(200);
    expect(s3.commandCalls(CreateMultipartUploadCommand)[1]?.args[0].input.Key).toBe('incoming/UNIT-A/x.zip');
    expect((await post('/unit/uploads', { fileName: 'a.zip', size: MB }, reviewer)).status).toBe(403);
  });

  it('answers the form’s own post (no script) with what to do, and stores nothing', async () => {
    const form = new FormData();
    form.set('csrf', csrfTokenOf(Buffer.from(key), unit));
    form.set('bundle', new File([new Uint8Array(16)], 'a.zip'));
    const response = await app.request(
      'https://console.example.cn/unit/bundles',
      { method: 'POST', body: form },
      { requestContext: { authorizer: { jwt: { claims: unit, scopes: null } } } },
    );
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('需要浏览器允许运行本站脚本');
    expect(s3.calls()).toHaveLength(0);
  });

  it('refuses a bundle over 100 MB before anything is stored', async () => {
    const response = await post('/unit/uploads', { fileName: 'big.zip', size: 100 * MB + 1 });
    expect(response.status).toBe(413);
    expect(s3.commandCalls(CreateMultipartUploadCommand)).toHaveLength(0);
  });

  it('presigns one PUT per part of this upload, and no part beyond a 100 MB bundle', async () => {
    const response = await post('/unit/uploads/parts', {
      fileName: '申报材料.zip',
      uploadId: 'up-1',
      partNumbers: [1, 2],
    });
    const { urls } = (await response.json()) as { urls: { partNumber: number; url: string }[] };
    expect(urls.map((u) => u.partNumber)).toEqual([1, 2]);
    const url = new URL(urls[0]?.url ?? '');
    expect(url.origin).toBe(config.uploadOrigin);
    expect(decodeURIComponent(url.pathname)).toBe(`/${objectKey}`);
    expect(url.searchParams.get('uploadId')).toBe('up-1');
    expect(url.searchParams.get('partNumber')).toBe('1');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
    const beyond = await post('/unit/uploads/parts', { fileName: 'a.zip', uploadId: 'up-1', partNumbers: [11] });
    expect(beyond.status).toBe(413);
  });

  it('lists the parts already stored, so a dropped upload resumes where it stopped', async () => {
    s3.on(ListPartsCommand, { Key: objectKey, UploadId: 'up-1' }).resolves({
      Parts: [{ PartNumber: 1, ETag: '"e1"', Size: 10 * MB }],
    });
    const response = await call(`/unit/uploads/parts?uploadId=up-1&fileName=${encodeURIComponent('申报材料.zip')}`, {
      claims: unit,
    });
    expect(await response.json()).toEqual({ parts: [{ partNumber: 1, etag: '"e1"', size: 10 * MB }] });
    s3.on(ListPartsCommand).rejects(Object.assign(new Error('no upload'), { name: 'NoSuchUpload' }));
    const gone = await call('/unit/uploads/parts?uploadId=nope&fileName=a.zip', { claims: unit });
    expect(gone.status).toBe(404);
  });

  it('completes only when every part is stored at its size, then follows the check on the bundle’s page', async () => {
    s3.on(ListPartsCommand).resolves({
      Parts: [
        { PartNumber: 1, ETag: '"e1"', Size: 10 * MB },
        { PartNumber: 2, ETag: '"e2"', Size: 10 * MB },
      ],
    });
    const early = await post('/unit/uploads/complete', { fileName: '申报材料.zip', uploadId: 'up-1', size: 25 * MB });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ missing: [3] });
    expect(s3.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);

    s3.on(ListPartsCommand).resolves({
      Parts: [
        { PartNumber: 1, ETag: '"e1"', Size: 10 * MB },
        { PartNumber: 2, ETag: '"e2"', Size: 10 * MB },
        { PartNumber: 3, ETag: '"e3"', Size: 5 * MB },
      ],
    });
    s3.on(CompleteMultipartUploadCommand).resolves({ VersionId: 'v-1' });
    s3.on(PutObjectCommand).resolves({ VersionId: 'm-1' });
    const done = await post('/unit/uploads/complete', { fileName: '申报材料.zip', uploadId: 'up-1', size: 25 * MB });
    const bundleId = bundleIdOf({ kind: 's3', bucket, key: objectKey, versionId: 'v-1' });
    expect(await done.json()).toEqual({ bundleId, location: `/bundles/${bundleId}` });
    expect(s3.commandCalls(CompleteMultipartUploadCommand)[0]?.args[0].input.MultipartUpload?.Parts).toEqual([
      { PartNumber: 1, ETag: '"e1"' },
      { PartNumber: 2, ETag: '"e2"' },
      { PartNumber: 3, ETag: '"e3"' },
    ]);
    const note = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(note?.Key).toBe(`uploads/${bundleId}.json`);
    const marker = JSON.parse(String(note?.Body instanceof Uint8Array ? Buffer.from(note.Body) : note?.Body));
    expect(marker).toMatchObject({
      key: objectKey,
      versionId: 'v-1',
      unitId: 'UNIT-A',
      uploadedBy: 'changchun-zhixie',
    });

    s3.on(HeadObjectCommand, { Key: `uploads/${bundleId}.json` }).resolves({ Metadata: {} });
    s3.on(GetObjectCommand, { Key: `uploads/${bundleId}.json` }).callsFake(() => ({
      Body: Readable.from([Buffer.from(JSON.stringify(marker))]),
    }));
    sfn
      .on(DescribeExecutionCommand, {
        executionArn: intakeExecutionArn(config.intakeStateMachineArn, bucket, objectKey, 'v-1'),
      })
      .resolves({ status: 'RUNNING' });
    const status = await call(`/bundles/${bundleId}/status.json`, { claims: unit });
    expect(await status.json()).toMatchObject({ state: 'reading' });
    const otherUnit = claimsOf('[unit]', { 'custom:unitId': 'UNIT-B' });
    expect((await call(`/bundles/${bundleId}/status.json`, { claims: otherUnit })).status).toBe(404);
  });

  it('aborts an upload whose stored parts exceed 100 MB instead of completing it', async () => {
    s3.on(ListPartsCommand).resolves({ Parts: [{ PartNumber: 1, ETag: '"e1"', Size: 101 * MB }] });
    const response = await post('/unit/uploads/complete', { fileName: 'big.zip', uploadId: 'up-2', size: 10 * MB });
    expect(response.status).toBe(413);
    expect(s3.commandCalls(AbortMultipartUploadCommand)[0]?.args[0].input).toMatchObject({
      Key: 'incoming/UNIT-A/big.zip',
      UploadId: 'up-2',
    });
    expect(s3.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
  });
});
