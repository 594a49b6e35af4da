import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { exportHistoryJson } from '../../shared/history/exportHistory.js';
import { recordsConnectionFromEnv } from '../../shared/records/dynamoRecordsClient.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';
import { type ApiRole, apiRoles, apiRoutes, assumedRoleOf } from '../../shared/workflow/apiRoutes.js';
import { handleReviewerAction } from '../reviewerAction/handler.js';

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
let repo: DynamoRecordsRepository | undefined;

const respond = (statusCode: number, body: unknown) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Maps an IAM-authorised HTTP API call to a records action (the actor is the caller's assumed role and session) or
 * to a read of reports/history. Logs the route and outcome only.
 */
export async function handler(raw: unknown) {
  const parsed = HttpApiEvent.safeParse(raw);
  if (!parsed.success) return respond(400, { code: 'INVALID_INPUT', message: 'not an HTTP API request' });
  const event = parsed.data;
  const route = apiRoutes.find((r) => `${r.method} ${r.path}` === event.routeKey);
  const caller = assumedRoleOf(event.requestContext.authorizer.iam.userArn);
  const role: ApiRole | undefined = caller ? roleByName[caller.roleName] : undefined;
  if (!route || !caller || !role || !(route.roles as readonly string[]).includes(role))
    return respond(403, { code: 'FORBIDDEN_ROLE', message: 'this role may not call this route' });
  const actor = { id: `${caller.roleName}/${caller.session}`, role };
  repo ??= new DynamoRecordsRepository(recordsConnectionFromEnv());
  if ('read' in route) {
    const applicationId = event.pathParameters?.applicationId ?? '';
    if (route.read === 'reports') return respond(200, await repo.listReports(applicationId));
    const events = await repo.listEvents(applicationId);
    return respond(200, exportHistoryJson(applicationId, events, { role, exportedAt: new Date().toISOString() }));
  }
  let body: unknown;
  try {
    const text = event.isBase64Encoded
      ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
      : (event.body ?? '{}');
    body = JSON.parse(text);
  } catch {
    return respond(400, { code: 'INVALID_INPUT', message: 'the body is not JSON' });
  }
  const request = typeof body === 'object' && body !== null ? { ...body, actor } : { actor };
  const result = await handleReviewerAction({ action: route.action, request });
  logger.info('api call', { route: route.path, ok: result.ok });
  return respond(result.ok ? 200 : 409, result);
}
