import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { ActionError } from '../../shared/actions/actionError.js';
import { disclosureEventType, exportApplicationHistory } from '../../shared/actions/exportApplicationHistory.js';
import { SfnTaskTokenAdapter } from '../../shared/actions/sfnTaskTokenAdapter.js';
import type { Role } from '../../shared/domain/access/role.js';
import type { ObjectStore } from '../../shared/objects/objectStore.js';
import { s3HistoryAnchorFromEnv } from '../../shared/objects/s3HistoryAnchor.js';
import { S3ObjectStore } from '../../shared/objects/s3ObjectStore.js';
import { recordsConnectionFromEnv } from '../../shared/records/dynamoRecordsClient.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';
import type { RecordsRepository } from '../../shared/records/recordsRepository.js';
import { parseReportJson, reportJson } from '../../shared/report/reportJson.js';
import { type ApiRole, apiRoles, apiRoutes, assumedRoleOf } from '../../shared/workflow/apiRoutes.js';
import { handleReviewerAction, type ReviewerActionDependencies } from '../reviewerAction/handler.js';

/** The part of an API Gateway HTTP API (payload 2.0, IAM authorisation) event this adapter reads. */
const HttpApiEvent = z.object({
  routeKey: z.string(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
  pathParameters: z.record(z.string(), z.string()).optional(),
  requestContext: z
    .object({
      authorizer: z.object({ iam: z.object({ userArn: z.string() }).loose() }).loose(),
    })
    .loose(),
});

const logger = new Logger({ serviceName: 'reviewer-api' });
const roleByName = z.record(z.string(), z.enum(apiRoles)).parse(JSON.parse(process.env.API_ROLE_NAMES ?? '{}'));

/** An application id in a path: the form the intake gives (`<bundle id prefix>-<n>`), never a path or a pattern. */
const ApplicationIdParameter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'not an application id');

/** A request body: a JSON object; the actor is the caller's identity, so a body may not name one. */
const RequestBody = z.record(z.string(), z.unknown()).refine((b) => !('actor' in b), {
  message: 'the body may not carry an actor: it is taken from the caller’s IAM identity',
});

export interface ReviewerApiDependencies {
  repo: RecordsRepository;
  /** The submissions bucket, read under `reports/` only. */
  objects: ObjectStore;
  now: () => Date;
  /** What the action routes run against (the same records, and the task-token port). */
  actions: ReviewerActionDependencies;
}

let defaults: ReviewerApiDependencies | undefined;
function defaultDependencies(): ReviewerApiDependencies {
  if (defaults) return defaults;
  const repo = new DynamoRecordsRepository(recordsConnectionFromEnv(), undefined, {
    historyAnchor: s3HistoryAnchorFromEnv(),
  });
  const now = () => new Date();
  defaults = {
    repo,
    objects: new S3ObjectStore(new S3Client({}), process.env.SUBMISSIONS_BUCKET ?? ''),
    now,
    actions: { ctx: { repo, now }, tasks: new SfnTaskTokenAdapter() },
  };
  return defaults;
}

const respond = (statusCode: number, body: unknown) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const invalid = (message: string, field?: string) =>
  respond(400, { code: 'INVALID_INPUT', message, ...(field ? { field } : {}) });

/**
 * The completeness reports of an application as its reader may see them: each stored report's JSON masked by role
 * like the history exports (a recommending unit never sees ID and phone numbers, an auditor only after a recorded
 * need, the office reviewer does).
 */
async function readReports(deps: ReviewerApiDependencies, applicationId: string, actor: { id: string; role: Role }) {
  const records = await deps.repo.listReports(applicationId);
  const events = await deps.repo.listEvents(applicationId);
  const needRecorded = events.some((e) => e.type === disclosureEventType && e.data.grantedTo === actor.id);
  return Promise.all(
    records.map(async (record) => {
      if (!record.objectKey.endsWith('.json')) return record;
      const text = Buffer.from(await deps.objects.get(record.objectKey)).toString('utf8');
      const report = JSON.parse(reportJson(parseReportJson(text), { role: actor.role, needRecorded })) as unknown;
      return { ...record, report };
    }),
  );
}

/**
 * Maps an IAM-authorised HTTP API call to a records action (the actor is the caller's assumed role and session) or
 * to a read of reports/history. Every input is parsed strictly (path parameters, the JSON body, the action's own
 * fields); a wrong one is a 400 naming it. Logs the route and outcome only.
 */
export async function handleApiRequest(raw: unknown, deps: ReviewerApiDependencies = defaultDependencies()) {
  const parsed = HttpApiEvent.safeParse(raw);
  if (!parsed.success) return invalid('not an HTTP API request');
  const event = parsed.data;
  const route = apiRoutes.find((r) => `${r.method} ${r.path}` === event.routeKey);
  const caller = assumedRoleOf(event.requestContext.authorizer.iam.userArn);
  const role: ApiRole | undefined = caller ? roleByName[caller.roleName] : undefined;
  if (!route || !caller || !role || !(route.roles as readonly string[]).includes(role))
    return respond(403, { code: 'FORBIDDEN_ROLE', message: 'this role may not call this route' });
  const actor = { id: `${caller.roleName}/${caller.session}`, role };
  if ('read' in route) {
    const id = ApplicationIdParameter.safeParse(event.pathParameters?.applicationId);
    if (!id.success) return invalid(`applicationId: ${id.error.issues[0]?.message ?? 'invalid'}`, 'applicationId');
    if (route.read === 'reports') return respond(200, await readReports(deps, id.data, actor));
    try {
      const exported = await exportApplicationHistory(
        { repo: deps.repo, now: deps.now },
        { actor, applicationId: id.data, format: 'json' },
      );
      return respond(200, exported.body);
    } catch (error) {
      if (error instanceof ActionError) return respond(404, { code: error.code, message: error.message });
      throw error;
    }
  }
  let body: unknown;
  try {
    const text = event.isBase64Encoded
      ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
      : (event.body ?? '{}');
    body = JSON.parse(text);
  } catch {
    return invalid('the body is not JSON');
  }
  const request = RequestBody.safeParse(body);
  if (!request.success) return invalid(request.error.issues[0]?.message ?? 'the body must be a JSON object');
  const result = await handleReviewerAction(
    { action: route.action, request: { ...request.data, actor } },
    deps.actions,
  );
  logger.info('api call', { route: route.path, ok: result.ok });
  if (result.ok) return respond(200, result);
  return respond(result.code === 'INVALID_INPUT' ? 400 : 409, result);
}

export const handler = (event: unknown) => handleApiRequest(event);
