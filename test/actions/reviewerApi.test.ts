import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ObjectStore } from '../../shared/objects/objectStore.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf } from './actionFixture.js';

vi.stubEnv(
  'API_ROLE_NAMES',
  JSON.stringify({ UnitRole: 'recommending_unit', ReviewerRole: 'reviewer', AuditRole: 'auditor' }),
);
const { handleApiRequest } = await import('../../functions/reviewerApi/handler.js');

const reportText = readFileSync('test/report/golden/qm-ind-complete.json', 'utf8');
const idNumber = (JSON.parse(reportText) as { applications: { applicant: { idNumber: string } }[] }).applications[0]
  ?.applicant.idNumber as string;

let local: LocalRecords;
let applicationId: string;
beforeAll(async () => {
  local = await startLocalRecords();
  applicationId = await applicationAt(contextOf(local).ctx, 'FORMAL_REVIEW');
  await local.repository.putReport({
    applicationId,
    n: 1,
    objectKey: 'reports/b1/report.json',
    sha256: 'a'.repeat(64),
    createdAt: '2025-08-20T10:00:00+08:00',
  });
});
afterAll(async () => local.stop());

const objects = {
  get: async (key: string) => {
    if (key !== 'reports/b1/report.json') throw new Error(`unexpected read ${key}`);
    return new TextEncoder().encode(reportText);
  },
} as unknown as ObjectStore;

function deps() {
  const { ctx } = contextOf(local);
  return {
    repo: ctx.repo,
    objects,
    now: ctx.now,
    actions: { ctx, tasks: { complete: async () => {}, fail: async () => {} } },
  };
}

function call(role: string, routeKey: string, extra: object = {}) {
  return handleApiRequest(
    {
      routeKey,
      requestContext: { authorizer: { iam: { userArn: `arn:aws:sts::123456789012:assumed-role/${role}/someone` } } },
      ...extra,
    },
    deps(),
  );
}

const body = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;

describe('reviewer API', () => {
  it('returns the stored report JSON masked for a recommending unit and an auditor, whole for the office', async () => {
    const route = 'GET /applications/{applicationId}/reports';
    const params = { pathParameters: { applicationId } };
    for (const role of ['UnitRole', 'AuditRole']) {
      const response = await call(role, route, params);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('"format":"jqa-completeness-report/1"');
      expect(response.body).not.toContain(idNumber);
    }
    expect((await call('ReviewerRole', route, params)).body).toContain(idNumber);
  });

  it('refuses a malformed application id in the path with 400, reading nothing', async () => {
    const response = await call('ReviewerRole', 'GET /applications/{applicationId}/history', {
      pathParameters: { applicationId: '../META' },
    });
    expect(response.statusCode).toBe(400);
    expect(body(response)).toMatchObject({ code: 'INVALID_INPUT', field: 'applicationId' });
  });

  it('returns the history with its verification verdict', async () => {
    const response = await call('AuditRole', 'GET /applications/{applicationId}/history', {
      pathParameters: { applicationId },
    });
    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ applicationId, verification: { ok: true, anchor: 'not checked' } });
  });

  it.each([
    [
      { idempotencyKey: 'k', applicationId: 'x', stage: 'FORMAL_REVIEW', outcome: 'pass', reasons: 'ok', scroe: 80 },
      'unknown field scroe',
    ],
    [
      { idempotencyKey: 'k', applicationId: 'x', stage: 'FORMAL_REVIEW', outcome: 'pass', reasons: 'ok', score: '80' },
      'score:',
    ],
    [
      { idempotencyKey: 'k', applicationId: 'x', stage: 'FORMAL_REVIEW', outcome: 'perhaps', reasons: 'ok' },
      'outcome:',
    ],
    [{ actor: { id: 'boss', role: 'reviewer' }, idempotencyKey: 'k' }, 'may not carry an actor'],
  ])('refuses the decision body %j with 400 naming what is wrong', async (request, message) => {
    const response = await call('ReviewerRole', 'POST /actions/recordDecision', { body: JSON.stringify(request) });
    expect(response.statusCode).toBe(400);
    expect(body(response)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(message) });
  });

  it('refuses an impossible date in an action (opensAt 2025-02-30) with 400', async () => {
    const response = await call('ReviewerRole', 'POST /actions/openPublicityWindow', {
      body: JSON.stringify({
        idempotencyKey: 'k',
        applicationId,
        stage: 'SOCIAL_PUBLICITY',
        opensAt: '2025-02-30T09:00:00+08:00',
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(body(response)).toMatchObject({ code: 'INVALID_INPUT', field: 'opensAt' });
  });

  it('refuses a body that is not a JSON object', async () => {
    for (const text of ['not json', '[1,2]', 'null']) {
      const response = await call('ReviewerRole', 'POST /actions/recordDecision', { body: text });
      expect(response.statusCode).toBe(400);
    }
  });
});
