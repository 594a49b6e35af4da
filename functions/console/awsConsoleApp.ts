import { ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Hono } from 'hono';
import { consoleApp } from '../../infra/web/consoleApp.js';
import type { Env } from '../../infra/web/routes/routeKit.js';
import { SfnTaskTokenAdapter } from '../../shared/actions/sfnTaskTokenAdapter.js';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import { incomingPrefixOf } from '../../shared/objects/objectKeys.js';
import { s3HistoryAnchorFromEnv } from '../../shared/objects/s3HistoryAnchor.js';
import { S3ObjectStore } from '../../shared/objects/s3ObjectStore.js';
import { recordsConnectionFromEnv } from '../../shared/records/dynamoRecordsClient.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';
import { intakeExecutionName } from '../../shared/workflow/executionName.js';
import { awsConsoleBackend, type IntakeRunState } from './awsConsoleBackend.js';
import { cognitoIdentity } from './cognitoIdentity.js';
import { s3DirectUploads } from './s3DirectUploads.js';

/** What the console Lambda is configured with (its environment, set by infra/consoleSite.ts). */
export interface AwsConsoleConfig {
  bucket: string;
  /** `https://<bucket>.s3.<region>.<suffix>`: where the browser PUTs upload parts. */
  uploadOrigin: string;
  intakeStateMachineArn: string;
  authBaseUrl: string;
  clientId: string;
  consoleOrigin: string;
  csrfSecretArn: string;
}

export function awsConsoleConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AwsConsoleConfig {
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`the console Lambda needs ${name}`);
    return value;
  };
  return {
    bucket: need('SUBMISSIONS_BUCKET'),
    uploadOrigin: need('UPLOAD_ORIGIN'),
    intakeStateMachineArn: need('INTAKE_STATE_MACHINE_ARN'),
    authBaseUrl: need('COGNITO_DOMAIN_URL'),
    clientId: need('COGNITO_CLIENT_ID'),
    consoleOrigin: need('CONSOLE_ORIGIN'),
    csrfSecretArn: need('CSRF_SECRET_ARN'),
  };
}

export interface AwsConsoleClients {
  s3: S3Client;
  sfn: SFNClient;
  secrets: SecretsManagerClient;
  repo?: DynamoRecordsRepository;
  /** Cognito's token endpoint is called with it (tests replace it). */
  fetch?: typeof fetch;
}

/** The Intake execution of an object version: its ARN is the machine's with the execution name derived as ingest does. */
export function intakeExecutionArn(stateMachineArn: string, bucket: string, key: string, versionId: string): string {
  const [head, name] = stateMachineArn.split(':stateMachine:');
  return `${head}:execution:${name}:${intakeExecutionName(bucket, key, versionId)}`;
}

/**
 * The web console wired to AWS: records in DynamoDB, objects in S3, actions completing Step Functions task tokens,
 * sign-in by Cognito (the JWT API Gateway verified), bundles uploaded straight to S3. `ready` loads the CSRF key
 * (once per container) before a request that carries claims is handled.
 */
export function awsConsoleApp(
  config: AwsConsoleConfig,
  clients: AwsConsoleClients = { s3: new S3Client({}), sfn: new SFNClient({}), secrets: new SecretsManagerClient({}) },
): { app: Hono<Env>; ready: () => Promise<void> } {
  const repo =
    clients.repo ??
    new DynamoRecordsRepository(recordsConnectionFromEnv(), undefined, {
      historyAnchor: s3HistoryAnchorFromEnv(process.env, clients.s3),
    });
  const now = () => new Date();
  const objects = new S3ObjectStore(clients.s3, config.bucket);
  let csrfKey: Uint8Array | undefined;
  const intakeState = async ({ key, versionId }: { key: string; versionId: string }): Promise<IntakeRunState> => {
    const executionArn = intakeExecutionArn(config.intakeStateMachineArn, config.bucket, key, versionId);
    try {
      const { status } = await clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
      return (status ?? 'RUNNING') as IntakeRunState;
    } catch (error) {
      if ((error as { name?: string }).name === 'ExecutionDoesNotExist') return 'NOT_STARTED';
      throw error;
    }
  };
  const app = consoleApp({
    backend: awsConsoleBackend({
      repo,
      objects,
      actions: { ctx: { repo, now }, tasks: new SfnTaskTokenAdapter(clients.sfn) },
      bucket: config.bucket,
      async incomingVersions(unitId) {
        const listed = await clients.s3.send(
          new ListObjectVersionsCommand({ Bucket: config.bucket, Prefix: incomingPrefixOf(unitId), MaxKeys: 200 }),
        );
        return (listed.Versions ?? [])
          .filter((v) => v.Key && v.VersionId && v.LastModified)
          .sort((a, b) => Number(b.LastModified) - Number(a.LastModified))
          .slice(0, 20)
          .map((v) => ({
            key: v.Key ?? '',
            versionId: v.VersionId ?? '',
            lastModified: v.LastModified?.toISOString() ?? '',
          }));
      },
      intakeState,
      now,
    }),
    identity: cognitoIdentity({
      authBaseUrl: config.authBaseUrl,
      clientId: config.clientId,
      consoleOrigin: config.consoleOrigin,
      ...(clients.fetch ? { fetch: clients.fetch } : {}),
      csrfKey: () => {
        if (!csrfKey) throw new Error('the CSRF key is not loaded');
        return csrfKey;
      },
    }),
    directUploads: s3DirectUploads({
      client: clients.s3,
      bucket: config.bucket,
      origin: config.uploadOrigin,
      objects,
      campaign: availableCampaigns().at(-1) ?? '2025',
    }),
    secureCookies: true,
  });
  return {
    app,
    async ready() {
      if (csrfKey) return;
      const secret = await clients.secrets.send(new GetSecretValueCommand({ SecretId: config.csrfSecretArn }));
      if (!secret.SecretString) throw new Error('the CSRF secret is empty');
      csrfKey = Buffer.from(secret.SecretString, 'utf8');
    },
  };
}
