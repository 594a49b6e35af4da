import { join } from 'node:path';
import { ArnFormat, Aws, type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { consoleCss, consoleJs, pageCsp } from './consoleAssets.js';
import { consoleEdge, viewerRequestFunctionCode } from './consoleEdge.js';
import { handlerEntry } from './handlerEntries.js';
import { awardFunction } from './lambdaBundling.js';
import {
  acknowledge,
  acknowledgeConsoleSite,
  acknowledgeFunction,
  acknowledgeTableAccess,
  reasons,
} from './nagAcknowledgements.js';
import { repoRoot } from './repoRoot.js';
import { logBucket, type Storage } from './storage.js';

export interface ConsoleSiteProps {
  storage: Storage;
  project: sfn.StateMachine;
  intake: sfn.StateMachine;
}

/** The Cognito group of each console role (functions/console/cognitoIdentity.ts maps them back). */
export const consoleGroups = ['unit', 'reviewer', 'auditor'] as const;
/** The S3 key prefix units upload bundles under (the ingest's `incoming/<unit>/<file>`). */
export const uploadPrefix = 'incoming/';

/**
 * The web console on AWS: a Cognito user pool (groups unit/reviewer/auditor, the office-assigned `custom:unitId`),
 * an HTTP API whose console routes need the pool's ID token (JWT authorizer), the console Lambda (the Hono app over
 * the records table, the submissions bucket and the Project state machine), and CloudFront in front: the API with no
 * caching, `/static/*` from a private bucket through origin access control, security headers and the page CSP.
 * Units upload bundles straight to the submissions bucket with presigned multipart URLs (CORS from this origin).
 *
 * Context: `consoleDomainName` with `consoleCertificateArn` (ACM, us-east-1) serve it on that name with TLS 1.2+;
 * `consoleAuthDomainPrefix` names the Cognito domain (default `award-console-<account>`).
 */
export class ConsoleSite extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly api: apigw.HttpApi;
  readonly distribution: cloudfront.Distribution;
  readonly assets: s3.Bucket;
  readonly origin: string;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const { key, table, bucket } = props.storage;
    const stack = Stack.of(this);
    const context = (name: string) => (this.node.tryGetContext(name) as string | undefined) || undefined;
    const domainName = context('consoleDomainName');
    const certificateArn = context('consoleCertificateArn');

    // --- CloudFront first: the sign-in's callback URLs and the upload CORS name its origin.
    const edgeLogs = logBucket(this, 'EdgeLogs');
    this.assets = new s3.Bucket(this, 'Assets', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: edgeLogs,
      serverAccessLogsPrefix: 'assets/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Jilin Quality Award: the web console (Cognito sign-in)',
      createDefaultStage: true,
    });
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Award console: HSTS, nosniff, frame and referrer policy, and the page CSP where the origin sets none',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.SAMEORIGIN, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        // Not over the app's own: the stored report is served with its own sandboxed policy.
        contentSecurityPolicy: { contentSecurityPolicy: pageCsp, override: false },
      },
    });
    const viewerRequest = new cloudfront.Function(this, 'ViewerRequest', {
      comment: 'Award console: the ID-token cookie to the header the JWT authorizer reads',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(viewerRequestFunctionCode()),
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Jilin Quality Award web console',
      defaultBehavior: {
        origin: new origins.HttpOrigin(`${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: viewerRequest, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/static/*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.assets),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
        },
      },
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: edgeLogs,
      logFilePrefix: 'console/',
      ...(domainName && certificateArn
        ? {
            domainNames: [domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
          }
        : {}),
    });
    this.origin = `https://${domainName && certificateArn ? domainName : this.distribution.distributionDomainName}`;
    new s3deploy.BucketDeployment(this, 'StaticFiles', {
      sources: [s3deploy.Source.data('console.css', consoleCss), s3deploy.Source.data('console.js', consoleJs)],
      destinationBucket: this.assets,
      destinationKeyPrefix: 'static/',
      distribution: this.distribution,
      distributionPaths: ['/static/*'],
    });

    // --- Sign-in: office-created users only, their role a group, a unit user's unit an admin-only attribute.
    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `${stack.stackName}-console`,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: { unitId: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const groupDescriptions: Record<(typeof consoleGroups)[number], string> = {
      unit: '推荐单位：上传材料包，查看本单位申报（需设置 custom:unitId）',
      reviewer: '评选表彰办公室评审人员',
      auditor: '审计人员：只读，核验历史记录',
    };
    for (const group of consoleGroups)
      this.userPool.addGroup(`Group${group}`, { groupName: group, description: groupDescriptions[group] });
    this.client = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'award-console',
      // A public client: the Lambda exchanges the code with PKCE, so there is no secret to keep or leak.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID],
        callbackUrls: [`${this.origin}/auth/callback`],
        logoutUrls: [`${this.origin}/signed-out`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // One working day; then Cognito's sign-in again.
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.hours(8),
      // The unit is assigned by the office (admin API only): never writable through this client.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });
    const domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: context('consoleAuthDomainPrefix') ?? `award-console-${Aws.ACCOUNT_ID}` },
    });

    // --- The console Lambda and what it may touch.
    const csrfKey = new secretsmanager.Secret(this, 'CsrfKey', {
      description: 'Signs the console CSRF tokens (HMAC of the ID token sub and iat)',
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const fn = awardFunction(this, 'Handler', {
      entry: join(repoRoot, handlerEntry('console')),
      description: 'The award web console (Hono) behind CloudFront and API Gateway',
      key,
      timeout: Duration.seconds(29),
      memorySize: 1024,
      environment: {
        RECORDS_TABLE: table.tableName,
        SUBMISSIONS_BUCKET: bucket.bucketName,
        // The host the SDK presigns part URLs for (virtual-hosted style), for the pages' CSP connect-src.
        UPLOAD_ORIGIN: `https://${bucket.bucketRegionalDomainName}`,
        INTAKE_STATE_MACHINE_ARN: props.intake.stateMachineArn,
        COGNITO_DOMAIN_URL: domain.baseUrl(),
        COGNITO_CLIENT_ID: this.client.userPoolClientId,
        CONSOLE_ORIGIN: this.origin,
        CSRF_SECRET_ARN: csrfKey.secretArn,
        POWERTOOLS_SERVICE_NAME: 'award-console',
      },
    });
    table.grantReadWriteData(fn);
    props.storage.grantHistoryAnchorPublish(fn);
    props.storage.grantHistoryAnchorRead(fn);
    props.project.grantTaskResponse(fn);
    csrfKey.grantRead(fn);
    const objects = (prefix: string) => bucket.arnForObjects(`${prefix}*`);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadReportsDocumentsAndNotes',
        actions: ['s3:GetObject'],
        resources: [objects('reports/'), objects('extracted/'), objects('uploads/'), objects('evidence/')],
      }),
    );
    // The presigned part URLs act with these rights: only under incoming/ (the key is the signed-in unit's).
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'UploadBundles',
        actions: ['s3:PutObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
        resources: [objects(uploadPrefix)],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ListUnitUploads',
        actions: ['s3:ListBucketVersions'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${uploadPrefix}*`] } },
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'NoteUploadsAndKeepEvidence',
        actions: ['s3:PutObject'],
        resources: [objects('uploads/'), objects('evidence/')],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'FollowIntakes',
        actions: ['states:DescribeExecution'],
        resources: [
          stack.formatArn({
            service: 'states',
            resource: 'execution',
            resourceName: `${props.intake.stateMachineName}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    key.grantEncryptDecrypt(fn);

    bucket.addCorsRule({
      allowedMethods: [s3.HttpMethods.PUT],
      allowedOrigins: [this.origin],
      allowedHeaders: ['content-type'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });
    bucket.addLifecycleRule({
      id: 'AbortStalledUploads',
      prefix: uploadPrefix,
      abortIncompleteMultipartUploadAfter: Duration.days(2),
    });

    // --- The API: the console's routes need the pool's ID token; sign-in and its return do not.
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
    });
    const stage = this.api.defaultStage?.node.defaultChild as apigw.CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        user: '$context.authorizer.claims.sub',
        routeKey: '$context.routeKey',
        status: '$context.status',
        requestTime: '$context.requestTime',
      }),
    };
    stage.defaultRouteSettings = { throttlingBurstLimit: 200, throttlingRateLimit: 100 };
    const integration = new HttpLambdaIntegration('Integration', fn);
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', this.userPool, {
      userPoolClients: [this.client],
      identitySource: [`$request.header.${consoleEdge.idTokenHeader}`],
    });
    for (const path of ['/', '/{proxy+}'])
      this.api.addRoutes({ path, methods: [apigw.HttpMethod.ANY], integration, authorizer });
    for (const path of consoleEdge.publicPaths) {
      const [route] = this.api.addRoutes({
        path,
        methods: [apigw.HttpMethod.GET],
        integration,
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
      if (route) acknowledge(route, 'AwsSolutions-APIG4', reasons.consolePublicRoute);
    }

    acknowledgeFunction(fn);
    acknowledgeTableAccess(fn, table);
    acknowledgeConsoleSite(this, {
      fn,
      bucket,
      assets: this.assets,
      intakeName: stack.getLogicalId(props.intake.node.defaultChild as CfnElement),
      userPool: this.userPool,
      csrfKey,
      edgeLogs,
      distribution: this.distribution,
      withCertificate: Boolean(domainName && certificateArn),
    });
  }
}
