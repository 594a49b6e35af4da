import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeAnchorObjects } from './nagAcknowledgements.js';

/** Object Lock retention of each published history head: as long as the access logs are kept. */
export const historyAnchorRetention = Duration.days(3650);

/**
 * The submissions bucket, its access-log bucket, the records table, the history-anchor bucket and the key that
 * encrypts them.
 */
/**
 * A bucket of access logs (S3 server access logs, CloudFront standard logs): S3-managed keys, private, TLS only,
 * kept ten years; log delivery writes with an ACL, so the bucket owner is preferred.
 */
export function logBucket(scope: Construct, id: string): s3.Bucket {
  return new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [{ expiration: Duration.days(3650) }],
  });
}

export class Storage extends Construct {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly table: dynamodb.Table;
  /**
   * Where every appended history head is published (`heads/<applicationId>/<seq>-<hash>.json`), under Object Lock in
   * COMPLIANCE mode: no one, the records' writer and the account root included, can overwrite or delete a published
   * head before its retention ends, so a history rewritten in the table together with its META no longer matches.
   */
  readonly anchorBucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'DataKey', {
      description: 'Encrypts award submissions, derived documents and records',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const accessLogs = logBucket(this, 'AccessLogs');
    this.bucket = new s3.Bucket(this, 'Submissions', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'submissions/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { prefix: 'extracted/', noncurrentVersionExpiration: Duration.days(90) },
        { prefix: 'derived/', noncurrentVersionExpiration: Duration.days(90) },
      ],
    });
    // Bundle uploads reach the ingest Lambda through EventBridge. Set on the CloudFormation resource itself rather
    // than with `eventBridgeEnabled`, which adds a custom-resource Lambda just to flip this switch.
    (this.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(
      'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled',
      true,
    );
    this.anchorBucket = new s3.Bucket(this, 'HistoryAnchors', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(historyAnchorRetention),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'history-anchors/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = new dynamodb.Table(this, 'Records', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'byCampaignStatus',
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'byRecommendingUnit',
      partitionKey: { name: 'gsi2pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi2sk', type: dynamodb.AttributeType.STRING },
    });
  }

  /**
   * A function that appends to histories publishes their heads: PutObject under `heads/` only (no delete, no
   * retention or legal-hold change, no governance bypass), and the anchor bucket's name in its environment.
   */
  grantHistoryAnchorPublish(fn: lambda.Function): void {
    fn.addEnvironment('HISTORY_ANCHOR_BUCKET', this.anchorBucket.bucketName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [this.anchorBucket.arnForObjects('heads/*')] }),
    );
    this.key.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
    acknowledgeAnchorObjects(fn, this.anchorBucket);
  }

  /** A function that verifies histories reads every published head: ListBucketVersions on `heads/` only. */
  grantHistoryAnchorRead(fn: lambda.Function): void {
    fn.addEnvironment('HISTORY_ANCHOR_BUCKET', this.anchorBucket.bucketName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucketVersions'],
        resources: [this.anchorBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': ['heads/*'] } },
      }),
    );
  }
}
