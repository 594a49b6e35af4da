import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIntakeStep } from '../../shared/intake/intakeStep.js';
import { unpackBundle } from '../../shared/intake/unpackBundle.js';
import { S3ObjectStore } from '../../shared/objects/s3ObjectStore.js';
import { reportHtml } from '../../shared/report/reportHtml.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { tasks } from './intakeHarness.js';

let records: LocalRecords;
beforeAll(async () => {
  records = await startLocalRecords();
});
afterAll(async () => records.stop());

describe('Intake.Unpack on S3', () => {
  it('reads the event’s object version, names the bundle after it, and writes SSE-KMS entries', async () => {
    const s3 = mockClient(S3Client);
    const zip = await readFile('examples/qm-ind-complete.zip');
    const key = 'incoming/jilin-amr/申报材料.zip';
    // Generic first: aws-sdk-client-mock lets a later, more specific matcher win.
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error('NotFound'), { name: 'NotFound' }));
    s3.on(HeadObjectCommand, { Bucket: 'sub', Key: key, VersionId: 'v-9' }).resolves({
      ContentLength: zip.length,
      LastModified: new Date('2025-08-15T02:00:00Z'),
      VersionId: 'v-9',
      Metadata: { 'unit-name': encodeURIComponent('吉林市市场监督管理局') },
    });
    s3.on(GetObjectCommand, { Bucket: 'sub', Key: key, VersionId: 'v-9' }).callsFake(() => ({
      Body: Readable.from([zip]) as never,
    }));
    s3.on(PutObjectCommand).resolves({ VersionId: 'new' });
    const deps = {
      repo: records.repository,
      clock: { now: () => new Date('2025-08-16T00:00:00Z') },
      mode: 'aws' as const,
      tasks,
      notifier: { humanTaskOverdue: async () => {} },
      objects: new S3ObjectStore(new S3Client({}), 'sub', { kmsKeyId: 'alias/award' }),
      renderReportHtml: reportHtml,
    };
    const unpacked = await runIntakeStep(unpackBundle, deps, { bucket: 'sub', key, versionId: 'v-9' });
    const expectedId = createHash('sha256').update(`s3://sub/${key}?versionId=v-9`).digest('hex').slice(0, 32);
    expect(unpacked.bundleId).toBe(expectedId);
    expect(unpacked.source).toEqual({ kind: 's3', bucket: 'sub', key, versionId: 'v-9' });
    expect(unpacked.receivedAt).toBe('2025-08-15T02:00:00.000Z');
    expect(unpacked.unit).toEqual({ id: 'jilin-amr', name: '吉林市市场监督管理局' });
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts).toHaveLength(unpacked.entries.length + 1);
    expect(puts.filter((p) => p.Key === `derived/${expectedId}/entries.json`)).toHaveLength(1);
    for (const put of puts) {
      expect(put.Key?.startsWith(`extracted/${expectedId}/`) || put.Key === unpacked.entriesKey).toBe(true);
      expect(put).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'alias/award' });
    }
    s3.restore();
  });
});
