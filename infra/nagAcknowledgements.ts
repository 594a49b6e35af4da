import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

/**
 * Every cdk-nag AwsSolutions finding we accept, with the reason a security reviewer gets. Each is acknowledged on
 * the narrowest construct that carries it (Validations.of(construct).acknowledge), never app-wide.
 */
export const reasons = {
  lambdaBasicRole:
    'AWSLambdaBasicExecutionRole only allows logs:CreateLogGroup/CreateLogStream/PutLogEvents; each function logs to its own KMS-encrypted log group with retention.',
  xrayAndLogDelivery:
    'X-Ray PutTraceSegments/PutTelemetryRecords and CloudWatch Logs delivery (logs:*LogDelivery*, DescribeResourcePolicies) support no resource-level permissions; the statements grant only those actions.',
  tableIndexes:
    'The wildcard is the index part of this one records table ARN: the records layer queries its two GSIs (byCampaignStatus, byRecommendingUnit).',
  kmsVariants:
    'The wildcards only span variants of one action (ReEncryptFrom/To, GenerateDataKey/WithoutPlaintext) on the single customer-managed data key.',
  bucketObjects:
    'Object-level access to the submissions bucket only (its objects ARN); the intake step reads bundles and writes extracted/derived/report objects.',
  nodeRuntime:
    'Node.js 22 is the runtime the whole project is built, tested and benchmarked on (package.json engines); moving runtime is a deliberate toolchain upgrade.',
  functionVersions:
    'The wildcard is the version/alias qualifier of this one Lambda function, which the state machine invokes.',
  dlq: 'This queue is itself a dead-letter queue (EventBridge target or Lambda async invocations); a DLQ has no DLQ of its own, and an alarm watches its depth.',
  anchorHeads:
    'PutObject only, on the heads/ prefix of the Object Lock (compliance) history-anchor bucket: one object per appended head, named by application, seq and hash, which no grant can overwrite or delete.',
  reportObjects:
    'GetObject only, on the reports/ prefix of the submissions bucket: the API returns each stored completeness report, masked by the caller’s role.',
  apiStage:
    'The wildcards are the API stage and the {applicationId} path parameter; method and route are fixed, so the role may call only this route.',
  consolePublicRoute:
    'The console sign-in (redirect to Cognito), its callback (code exchange) and the signed-out page must open before anyone has a token; every other console route has the Cognito JWT authorizer.',
} as const;

/** The console's findings, each with its reason (infra/consoleSite.ts). */
export const consoleReasons = {
  objects:
    'Object-level rights on fixed prefixes of the submissions bucket: reads of reports/, extracted/ (documents), uploads/ and evidence/; writes only of bundles under incoming/ (by presigned part URLs for the signed-in unit), upload notes under uploads/ and evidence under evidence/.',
  intakeExecutions:
    'DescribeExecution on the executions of the Intake state machine only (the wildcard is the execution name, derived from the uploaded object version).',
  csrfRotation:
    'The secret only signs CSRF tokens bound to a sign-in (HMAC of the ID token sub and iat); a rotation would just end the forms open at that moment, so it is replaced by redeploying rather than by a rotation Lambda.',
  mfaOptional:
    'Office staff and recommending units sign in with TOTP MFA available (optional): units are outside organisations without managed authenticators; threat protection (Plus tier, full function) adds adaptive authentication.',
  edgeLogBucket: 'This bucket receives the CloudFront and assets-bucket access logs; logging it to itself would loop.',
  defaultCertificate:
    'Without the consoleDomainName/consoleCertificateArn context the distribution uses the *.cloudfront.net certificate, whose policy CloudFront fixes at TLSv1; with them it enforces TLSv1.2_2021.',
  geoRestriction:
    'Recommending units and the office are in Jilin province but may sign in while travelling; access is by Cognito sign-in, not by country.',
  waf: 'The console sits behind Cognito sign-in with API Gateway throttling and Cognito threat protection; a WAF web ACL (us-east-1) is an operator choice per deployment.',
  deploymentFunction:
    "The CDK BucketDeployment custom resource (console CSS/JS into the assets bucket): its Lambda runtime, role and wildcard grants are the CDK construct's own, used at deploy time only.",
} as const;

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** The findings every NodejsFunction of ours raises on its service role. */
export function acknowledgeFunction(fn: lambda.Function): void {
  acknowledge(
    fn,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reasons.lambdaBasicRole,
  );
  acknowledge(fn, 'AwsSolutions-IAM5[Resource::*]', reasons.xrayAndLogDelivery);
  acknowledge(fn, 'AwsSolutions-L1', reasons.nodeRuntime);
  acknowledge(fn, 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reasons.kmsVariants);
  acknowledge(fn, 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reasons.kmsVariants);
}

/** The console site's acknowledged findings (infra/consoleSite.ts). */
export function acknowledgeConsoleSite(
  site: IConstruct,
  parts: {
    fn: IConstruct;
    bucket: IConstruct & { node: { defaultChild?: unknown } };
    assets: IConstruct & { node: { defaultChild?: unknown } };
    intakeName: string;
    userPool: IConstruct;
    csrfKey: IConstruct;
    edgeLogs: IConstruct;
    distribution: IConstruct;
    withCertificate: boolean;
  },
): void {
  const stack = Stack.of(site);
  const bucketId = stack.getLogicalId(parts.bucket.node.defaultChild as CfnElement);
  const assetsId = stack.getLogicalId(parts.assets.node.defaultChild as CfnElement);
  for (const prefix of ['reports', 'extracted', 'uploads', 'evidence', 'incoming'])
    acknowledge(parts.fn, `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}/*]`, consoleReasons.objects);
  acknowledge(
    parts.fn,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:<${parts.intakeName}.Name>:*]`,
    consoleReasons.intakeExecutions,
  );
  acknowledge(parts.userPool, 'AwsSolutions-COG2', consoleReasons.mfaOptional);
  acknowledge(parts.csrfKey, 'AwsSolutions-SMG4', consoleReasons.csrfRotation);
  acknowledge(parts.edgeLogs, 'AwsSolutions-S1', consoleReasons.edgeLogBucket);
  acknowledge(parts.distribution, 'AwsSolutions-CFR1', consoleReasons.geoRestriction);
  acknowledge(parts.distribution, 'AwsSolutions-CFR2', consoleReasons.waf);
  if (!parts.withCertificate) acknowledge(parts.distribution, 'AwsSolutions-CFR4', consoleReasons.defaultCertificate);
  // The BucketDeployment's singleton function is a child of the stack, not of the site.
  for (const child of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
    for (const id of [
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-L1',
    ])
      acknowledge(child, id, consoleReasons.deploymentFunction);
    acknowledge(child, `AwsSolutions-IAM5[Resource::<${assetsId}.Arn>/*]`, consoleReasons.deploymentFunction);
  }
}

export function acknowledgeTableAccess(scope: IConstruct, table: IConstruct & { node: { defaultChild?: unknown } }) {
  const logicalId = Stack.of(scope).getLogicalId(table.node.defaultChild as CfnElement);
  acknowledge(scope, `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`, reasons.tableIndexes);
}

export function acknowledgeBucketObjects(scope: IConstruct, bucket: IConstruct & { node: { defaultChild?: unknown } }) {
  const logicalId = Stack.of(scope).getLogicalId(bucket.node.defaultChild as CfnElement);
  acknowledge(scope, `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`, reasons.bucketObjects);
  acknowledge(scope, 'AwsSolutions-IAM5[Action::s3:GetObject*]', reasons.bucketObjects);
  acknowledge(scope, 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reasons.bucketObjects);
  acknowledge(scope, 'AwsSolutions-IAM5[Action::s3:List*]', reasons.bucketObjects);
  acknowledge(scope, 'AwsSolutions-IAM5[Action::s3:DeleteObject*]', reasons.bucketObjects);
  acknowledge(scope, 'AwsSolutions-IAM5[Action::s3:Abort*]', reasons.bucketObjects);
}

export function acknowledgeAnchorObjects(scope: IConstruct, bucket: IConstruct & { node: { defaultChild?: unknown } }) {
  const logicalId = Stack.of(scope).getLogicalId(bucket.node.defaultChild as CfnElement);
  acknowledge(scope, `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/heads/*]`, reasons.anchorHeads);
}

export function acknowledgeReportObjects(scope: IConstruct, bucket: IConstruct & { node: { defaultChild?: unknown } }) {
  const logicalId = Stack.of(scope).getLogicalId(bucket.node.defaultChild as CfnElement);
  acknowledge(scope, `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/reports/*]`, reasons.reportObjects);
}

/** On a state machine: invoking each of its Lambdas (function ARN plus qualifiers). */
export function acknowledgeInvokes(machine: IConstruct, functions: lambda.Function[]): void {
  for (const fn of functions) {
    const logicalId = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
    acknowledge(machine, `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`, reasons.functionVersions);
  }
  acknowledge(machine, 'AwsSolutions-IAM5[Resource::*]', reasons.xrayAndLogDelivery);
}
