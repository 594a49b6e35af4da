import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AwardStack } from '../../infra/awardStack.js';

// Lambda bundling skipped: these tests read the storage resources only (the CLI synth test bundles for real).
const template = Template.fromStack(new AwardStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Test'));

describe('storage', () => {
  it('encrypts the submissions bucket with the customer-managed key, versioned, private and TLS-only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'submissions/' }),
    });
    const policies = template.findResources('AWS::S3::BucketPolicy');
    const denies = JSON.stringify(policies);
    expect(denies).toContain('aws:SecureTransport');
  });

  it('keeps records in one KMS-encrypted table with PITR, deletion protection and the two GSIs', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }),
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'byCampaignStatus' }),
        Match.objectLike({ IndexName: 'byRecommendingUnit' }),
      ],
    });
  });

  it('keeps history heads in their own bucket under Object Lock (compliance mode), KMS-encrypted, private, logged', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicPolicy: true, RestrictPublicBuckets: true }),
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'history-anchors/' }),
    });
  });

  it('lets every function that appends to histories only put heads (no delete, no retention change, no bypass)', () => {
    const anchorBucket = Object.keys(
      template.findResources('AWS::S3::Bucket', { Properties: { ObjectLockEnabled: true } }),
    )[0] as string;
    const functions = template.findResources('AWS::Lambda::Function');
    const withRecords = Object.entries(functions).filter(
      ([, f]) =>
        (f as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }).Properties.Environment
          ?.Variables?.RECORDS_TABLE,
    );
    expect(withRecords.length).toBeGreaterThan(5);
    for (const [, f] of withRecords)
      expect(
        (f as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables
          .HISTORY_ANCHOR_BUCKET,
      ).toEqual({ Ref: anchorBucket });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } }).Properties
          .PolicyDocument.Statement,
    );
    const onAnchor = statements.filter((s) => JSON.stringify(s.Resource).includes(anchorBucket));
    expect(onAnchor.length).toBeGreaterThan(0);
    const actions = new Set(onAnchor.flatMap((s) => [s.Action].flat() as string[]));
    expect([...actions].sort()).toEqual(['s3:ListBucketVersions', 's3:PutObject']);
  });

  it('rotates the data key', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});
