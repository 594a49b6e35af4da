import { handle } from 'hono/aws-lambda';
import { awsConsoleApp, awsConsoleConfigFromEnv } from './awsConsoleApp.js';

let lambda: { run: ReturnType<typeof handle>; ready: () => Promise<void> } | undefined;

/** API Gateway (HTTP API, payload 2.0) → the web console. A request the JWT authorizer passed loads the CSRF key first. */
export async function handler(
  event: Parameters<ReturnType<typeof handle>>[0],
  context?: Parameters<ReturnType<typeof handle>>[1],
) {
  if (!lambda) {
    const { app, ready } = awsConsoleApp(awsConsoleConfigFromEnv());
    lambda = { run: handle(app), ready };
  }
  const claims = (event.requestContext as { authorizer?: { jwt?: unknown } } | undefined)?.authorizer?.jwt;
  if (claims) await lambda.ready();
  return lambda.run(event, context);
}
