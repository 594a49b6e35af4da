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
