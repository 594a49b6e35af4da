import { createRequire } from 'node:module';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stackName } from '../../infra/awardApp.js';
import { AwardStack } from '../../infra/awardStack.js';
import { definitionsFromTemplate } from '../../infra/localContract.js';
import { stagePath } from '../../shared/domain/track/stage.js';

type Validator = (definition: unknown) => { isValid: boolean; errorsText: (sep?: string) => string };
const aslValidator = createRequire(import.meta.url)('asl-validator') as Validator;

// One synth for the file (bundling skipped: these tests read the template, the CLI synth test bundles for real).
const synth = () => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new AwardStack(app, stackName));
};
const template = synth();
const json = template.toJSON();
const local = definitionsFromTemplate(json as Parameters<typeof definitionsFromTemplate>[0]);

describe('state-machine definitions', () => {
  it('are valid ASL (asl-validator), both of them', () => {
    for (const definition of [local.project, local.intake]) {
      const result = aslValidator(definition);
      expect(result.errorsText(), 'asl-validator').toBe('');
      expect(result.isValid).toBe(true);
    }
  });

  it('use JSONPath only, never JSONata', () => {
    expect(JSON.stringify(local.project)).not.toContain('JSONata');
    expect(JSON.stringify(local.intake)).not.toContain('JSONata');
  });

  it('route a resumed execution to every stage of every track, and route by track otherwise', () => {
    const states = local.project.States;
    expect(local.project.StartAt).toBe('Route.ResumeAt');
    const resume = states['Route.ResumeStage'] as unknown as { Choices: { Next: string }[] };
    for (const [track, path] of Object.entries(stagePath))
      for (const stage of path) {
        const entry = stage === 'AWARDED' ? `${track}.${stage}.RecordOutcome` : `${track}.${stage}.Enter`;
        expect(states[entry], entry).toBeDefined();
        expect(resume.Choices.map((c) => c.Next)).toContain(entry);
      }
    expect((states['Route.Track'] as unknown as { Choices: unknown[] }).Choices).toHaveLength(3);
  });

  it('waits for humans with task tokens stored by awaitHumanTask, with timeout, heartbeat and escalation', () => {
    const wait = local.project.States['QM_ORG.FORMAL_REVIEW.Await'] ?? local.project.States['SI.FORMAL_REVIEW.Await'];
    expect(wait).toMatchObject({
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { Payload: { 'taskToken.$': '$$.Task.Token', awaiting: 'decision' } },
      TimeoutSeconds: expect.any(Number),
      HeartbeatSeconds: expect.any(Number),
    });
    const catches = (wait as unknown as { Catch: { ErrorEquals: string[]; Next: string }[] }).Catch;
    expect(catches[0]).toMatchObject({
      ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout'],
      Next: 'SI.FORMAL_REVIEW.Await.Escalate',
    });
    expect(catches.at(-1)).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'Failure.Record' });
    expect(local.taskStates.project['SI.FORMAL_REVIEW.Await']).toEqual({
      handler: 'workflow.awaitHumanTask',
      integration: 'lambda.waitForTaskToken',
    });
  });

  it('keeps every human wait under the 24.8-day timer limit of the local engine', () => {
    for (const state of Object.values(local.project.States))
      if (typeof state.TimeoutSeconds === 'number') expect(state.TimeoutSeconds * 1000).toBeLessThan(2 ** 31);
  });

  it('waits for a publicity window until the computed timestamp, then checks it and the objections', () => {
    const s = local.project.States;
    expect(s['QM_IND.SOCIAL_PUBLICITY.WaitForClose']).toMatchObject({
      Type: 'Wait',
      TimestampPath: '$.window.closesAt',
      Next: 'QM_IND.SOCIAL_PUBLICITY.CheckWindow',
    });
    expect(local.taskStates.project['QM_IND.SOCIAL_PUBLICITY.CheckWindow']?.handler).toBe(
      'workflow.checkPublicityWindow',
    );
    expect(local.taskStates.project['QM_IND.SOCIAL_PUBLICITY.CheckObjections']?.handler).toBe(
      'workflow.checkObjections',
    );
  });

  it('retries transient errors with backoff on every Lambda task', () => {
    for (const [name, state] of Object.entries(local.project.States))
      if (state.Type === 'Task')
        expect((state.Retry as { ErrorEquals: string[]; BackoffRate: number }[])[0], name).toMatchObject({
          ErrorEquals: expect.arrayContaining(['Lambda.ServiceException', 'Lambda.TooManyRequestsException']),
          BackoffRate: 2,
        });
  });

  it('maps every Task to a logical handler, with none missing', () => {
    for (const route of Object.values(local.taskStates.project)) expect(route.handler).toMatch(/^workflow\./);
    expect(Object.keys(local.taskStates.intake)).toContain('Intake.ExtractFile');
    expect(local.pendingHandlers).toEqual([]);
  });

  it('bounds the Map over files and catches per file', () => {
    const map = local.intake.States['Intake.ExtractFiles'] as unknown as {
      MaxConcurrency: number;
      ItemProcessor: { States: Record<string, { Catch?: { Next: string }[] }> };
    };
    expect(map.MaxConcurrency).toBeGreaterThan(0);
    expect(map.ItemProcessor.States['Intake.ExtractFile']?.Catch?.[0]?.Next).toBe('Intake.ExtractFile.Unreadable');
  });
});

describe('security and operations (template)', () => {
  it('traces both state machines with X-Ray and logs them to KMS-encrypted log groups with retention', () => {
    const machines = template.findResources('AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(2);
    template.allResourcesProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
    template.allResourcesProperties('AWS::Logs::LogGroup', {
      KmsKeyId: Match.anyValue(),
      RetentionInDays: Match.anyValue(),
    });
  });

  it('runs every Lambda on Node 22, arm64, with active tracing', () => {
    // CDK's own BucketDeployment handler (the console's CSS/JS into their bucket, at deploy time) is not one of ours.
    const ours = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !id.startsWith('CustomCDKBucketDeployment'),
    );
    expect(ours.length).toBeGreaterThan(10);
    for (const [, fn] of ours)
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
  });

  it('grants states:SendTask* only on the Project state machine, never on *', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
    }[];
    const sendTask = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('states:SendTask')));
    expect(sendTask.length).toBeGreaterThanOrEqual(2);
    for (const statement of sendTask) {
      expect(statement.Resource).not.toBe('*');
      expect(JSON.stringify(statement.Resource)).toMatch(/JilinQualityAward-Project|WorkflowsProject/);
    }
  });

  it('alarms on failed executions and on DLQ depth, with encrypted DLQs', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as {
      Properties: { MetricName: string };
    }[];
    const metrics = alarms.map((a) => a.Properties.MetricName);
    expect(metrics.filter((m) => m === 'ExecutionsFailed')).toHaveLength(2);
    expect(metrics.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(3);
    template.allResourcesProperties('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
  });

  it('sends S3 bundle uploads under incoming/ to ingest with a DLQ on the target', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.s3'],
        detail: Match.objectLike({ object: { key: [{ prefix: 'incoming/' }] } }),
      }),
      Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue() })],
    });
  });

  it('authorises every API route with IAM and gives three roles only their routes', () => {
    // The reviewer API's routes; the web console's have the Cognito JWT authorizer (test/infra/consoleSite.test.ts).
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).filter(
      (r) => !JSON.stringify(r.Properties.ApiId).includes('ConsoleApi'),
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    expect(
      Object.keys(
        template.findResources('AWS::IAM::Role', {
          Properties: { Description: Match.stringLikeRegexp('^Award API caller') },
        }),
      ),
    ).toHaveLength(3);
    const auditor = Object.entries(template.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.includes('AuditorRole'),
    );
    const auditorJson = JSON.stringify(auditor?.[1]);
    expect(auditorJson).toContain('/GET/applications/');
    expect(auditorJson).not.toContain('/POST/');
  });

  it('subscribes no e-mail unless the officeEmail context is set', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], officeEmail: 'office@example.org' } });
    Template.fromStack(new AwardStack(app, stackName)).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'office@example.org',
    });
  });

  it('synthesises the same template twice (determinism)', () => {
    expect(JSON.stringify(synth().toJSON())).toBe(JSON.stringify(json));
  });
});
