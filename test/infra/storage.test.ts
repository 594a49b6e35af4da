import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AwardStack } from '../../infra/awardStack.js';

const template = Template.fromStack(new AwardStack(new App(), 'Test'));

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

  it('rotates the data key', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});
