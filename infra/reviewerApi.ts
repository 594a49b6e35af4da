import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { type ApiRole, apiRoles, apiRoutes } from '../shared/workflow/apiRoutes.js';
import { awardFunction } from './lambdaBundling.js';
import {
  acknowledge,
  acknowledgeFunction,
  acknowledgeReportObjects,
  acknowledgeTableAccess,
  reasons,
} from './nagAcknowledgements.js';
import { repoRoot } from './repoRoot.js';
import type { Storage } from './storage.js';

export interface ReviewerApiProps {
  storage: Storage;
  project: sfn.StateMachine;
}

const roleIds: Record<ApiRole, string> = {
  recommending_unit: 'RecommendingUnitRole',
  reviewer: 'ReviewerRole',
  auditor: 'AuditorRole',
};

/**
 * The HTTP API of reviewers, recommending units and auditors: IAM-authorised routes (apiRoutes), one IAM role per
 * kind of caller allowed only its routes, and a Lambda that runs the records actions and completes waiting tasks
 * (`states:SendTask*` on the Project state machine only).
 */
export class ReviewerApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly roles: Record<ApiRole, iam.Role>;

  constructor(scope: Construct, id: string, props: ReviewerApiProps) {
    super(scope, id);
    const { key, table, bucket } = props.storage;
    const account = Stack.of(this).account;
    this.roles = Object.fromEntries(
      apiRoles.map((role) => [
        role,
        new iam.Role(this, roleIds[role], {
          assumedBy: new iam.AccountPrincipal(account),
          description: `Award API caller: ${role}`,
        }),
      ]),
    ) as Record<ApiRole, iam.Role>;

    const fn = awardFunction(this, 'Handler', {
      entry: join(repoRoot, 'functions/reviewerApi/handler.ts'),
      description: 'Records actions and reads for the award API',
      key,
      environment: {
        RECORDS_TABLE: table.tableName,
        SUBMISSIONS_BUCKET: bucket.bucketName,
        POWERTOOLS_SERVICE_NAME: 'reviewer-api',
        API_ROLE_NAMES: Stack.of(this).toJsonString(
          Object.fromEntries(apiRoles.map((role) => [this.roles[role].roleName, role])),
        ),
      },
    });
    table.grantReadWriteData(fn);
    acknowledgeFunction(fn);
    acknowledgeTableAccess(fn, table);
    props.storage.grantHistoryAnchorPublish(fn);
    props.storage.grantHistoryAnchorRead(fn);
    // The reports route returns each stored report JSON, masked by the caller's role: it reads reports/ only.
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('reports/*')] }),
    );
    acknowledgeReportObjects(fn, bucket);
    props.project.grantTaskResponse(fn);

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
    });
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Jilin Quality Award: actions, reports and history',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: true,
    });
    const stage = this.api.defaultStage?.node.defaultChild as apigw.CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        caller: '$context.identity.userArn',
        routeKey: '$context.routeKey',
        status: '$context.status',
        requestTime: '$context.requestTime',
      }),
    };
    const integration = new HttpLambdaIntegration('Integration', fn);
    for (const route of apiRoutes) {
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [route.method === 'GET' ? apigw.HttpMethod.GET : apigw.HttpMethod.POST],
        integration,
      });
      if (!created) continue;
      for (const role of route.roles) created.grantInvoke(this.roles[role]);
    }
    const apiId = Stack.of(this).getLogicalId(this.api.node.defaultChild as import('aws-cdk-lib').CfnElement);
    const invokeArn = (method: string, path: string) =>
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<${apiId}>/*/${method}${path.replace(/\{[^}]+\}.*$/, '*')}]`;
    for (const route of apiRoutes)
      for (const role of route.roles)
        acknowledge(this.roles[role], invokeArn(route.method, route.path), reasons.apiStage);
  }
}
