import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { AwardStack } from '../../infra/awardStack.js';
import { pageCsp } from '../../infra/consoleAssets.js';
import { consoleEdge, viewerRequestFunctionCode } from '../../infra/consoleEdge.js';

// One synthesis for the file; Lambda bundling skipped (the artifact test builds the console Lambda for real).
const stack = new AwardStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Test');
const template = Template.fromStack(stack);
const id = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as import('aws-cdk-lib').CfnElement);
const site = stack.console;
const resources = (type: string) => Object.entries(template.findResources(type));
/** The one resource of a type (by a name prefix): its logical id and body. */
function only(type: string, prefix = '') {
  const [entry, ...more] = resources(type).filter(([name]) => name.startsWith(prefix));
  if (!entry || more.length > 0) throw new Error(`expected one ${type} named ${prefix}…`);
  return entry;
}

describe('the console user pool', () => {
  it('admits only users the office creates, with a strong password, optional TOTP, threat protection and deletion protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'unitId', AttributeDataType: 'String', Mutable: true })]),
    });
  });

  it('has the groups unit, reviewer and auditor', () => {
    const groups = resources('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual(['auditor', 'reviewer', 'unit']);
  });

  it('gives the console a public client for the code flow that cannot write custom:unitId', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [
        { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [id(site.distribution), 'DomainName'] }, '/auth/callback']] },
      ],
    });
    const [[, client]] = resources('AWS::Cognito::UserPoolClient') as [
      [string, { Properties: Record<string, string[]> }],
    ];
    expect(client.Properties.WriteAttributes?.length).toBeGreaterThan(0);
    expect(client.Properties.WriteAttributes).not.toContain('custom:unitId');
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});

describe('the console API', () => {
  it('verifies the pool’s ID token (issuer and audience) from the header CloudFront fills', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: [`$request.header.${consoleEdge.idTokenHeader}`],
      JwtConfiguration: {
        Audience: [{ Ref: id(site.client) }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: id(site.userPool) }],
          ],
        },
      },
    });
  });

  it('puts the JWT authorizer on every console route but sign-in, its callback and the signed-out page', () => {
    const routes = resources('AWS::ApiGatewayV2::Route')
      .map(([, r]) => r.Properties)
      .filter((p) => p.ApiId.Ref === id(site.api));
    const open = routes.filter((p) => p.AuthorizationType !== 'JWT').map((p) => p.RouteKey);
    expect(open.sort()).toEqual(consoleEdge.publicPaths.map((p) => `GET ${p}`).sort());
    expect(
      routes
        .filter((p) => p.AuthorizationType === 'JWT')
        .map((p) => p.RouteKey)
        .sort(),
    ).toEqual(['ANY /', 'ANY /{proxy+}']);
  });
});

describe('CloudFront in front of the console', () => {
  const [distributionId, distribution] = only('AWS::CloudFront::Distribution');
  const config = distribution.Properties.DistributionConfig;

  it('sends the pages to the API uncached with every method, and /static/* to the assets bucket through OAC', () => {
    expect(config.DefaultCacheBehavior).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    const statics = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/static/*');
    const origin = config.Origins.find((o: { Id: string }) => o.Id === statics.TargetOriginId);
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [id(site.assets), 'RegionalDomainName'] });
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(config.Logging).toMatchObject({ Prefix: 'console/' });
    const api = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(api.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id(site.assets) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.objectLike({}) } },
          }),
        ]),
      },
    });
  });

  it('adds HSTS, nosniff, frame and referrer policies and the app’s own page CSP', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: pageCsp, Override: false },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'SAMEORIGIN', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
        },
      }),
    });
    const [policyId] = only('AWS::CloudFront::ResponseHeadersPolicy');
    expect(distributionId).toBe(id(site.distribution));
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('copies the ID-token cookie into the authorizer’s header at the edge', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: viewerRequestFunctionCode(),
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    expect(viewerRequestFunctionCode()).toContain(consoleEdge.idTokenCookie);
  });

  it('denies non-TLS access to the assets and edge-log buckets', () => {
    for (const [, policy] of resources('AWS::S3::BucketPolicy').filter(([name]) => name.startsWith('Console')))
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    expect(resources('AWS::S3::BucketPolicy').filter(([name]) => name.startsWith('Console'))).toHaveLength(2);
  });
});

describe('uploads straight to S3', () => {
  const submissions = id(stack.storage.bucket);

  it('lets only the console’s origin PUT parts, and shows it their ETag', () => {
    // The pages' CSP lets the upload script connect to the host the part URLs name.
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          UPLOAD_ORIGIN: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [submissions, 'RegionalDomainName'] }]] },
        }),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ['PUT'],
            AllowedOrigins: [
              { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [id(site.distribution), 'DomainName'] }]] },
            ],
            AllowedHeaders: ['content-type'],
            ExposedHeaders: ['ETag'],
            MaxAge: 3000,
          },
        ],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'incoming/', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 } }),
        ]),
      },
    });
  });

  it('lets the console Lambda write bundles under incoming/ only (and its notes and evidence), delete nothing', () => {
    const [, policy] = only('AWS::IAM::Policy', 'ConsoleHandler');
    const statements = policy.Properties.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
    }[];
    const actions = (s: { Action: string | string[] }) => [s.Action].flat();
    const onSubmissions = (s: { Resource: unknown }) => JSON.stringify(s.Resource).includes(submissions);
    const prefixes = (s: { Resource: unknown }) =>
      [s.Resource].flat().map((r) => (JSON.stringify(r).match(/"\/([a-z]+\/)\*"/) ?? [])[1]);
    const writes = statements.filter(
      (s) => onSubmissions(s) && actions(s).some((a) => /^s3:(Put|Delete|Abort)/.test(a)),
    );
    expect(writes.length).toBeGreaterThan(0);
    for (const s of writes) expect(['incoming/', 'uploads/', 'evidence/']).toEqual(expect.arrayContaining(prefixes(s)));
    const multipart = statements.filter((s) => actions(s).some((a) => /Multipart/.test(a)));
    expect(multipart.flatMap(prefixes)).toEqual(['incoming/']);
    expect(statements.flatMap(actions).filter((a) => /s3:Delete|s3:\*|s3:Put\*/.test(a))).toEqual([]);
  });
});
