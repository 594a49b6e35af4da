import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { repoRoot } from './repoRoot.js';

/**
 * NodejsFunction falls back to bundling in Docker, silently, when it cannot resolve esbuild. We never want that
 * (no Docker here, and a different build than the benchmark measures), so synth stops at once instead.
 */
export function assertEsbuildResolvable(): string {
  try {
    return createRequire(join(repoRoot, 'package.json')).resolve('esbuild');
  } catch {
    throw new Error(
      'esbuild cannot be resolved from the project root: run `npm install` (Docker bundling is not used)',
    );
  }
}

/**
 * iconv-lite's code-page tables the pipeline never decodes with (it decodes GB18030 and Windows-1252 only: zip entry
 * names, PDF text repair). iconv-lite loads a table on first use of its encoding, so leaving these ~310 KB out of the
 * bundles changes nothing until someone asks for Shift_JIS, EUC-JP, EUC-KR or Big5 — which then fails with
 * MODULE_NOT_FOUND instead of decoding.
 */
const unusedEncodingTables = [
  './tables/shiftjis.json',
  './tables/eucjp.json',
  './tables/cp949.json',
  './tables/cp950.json',
  './tables/big5-added.json',
] as const;

/**
 * esbuild options shared by the CDK bundling and the bundle-size benchmark, so the benchmark measures what ships.
 * `@aws-sdk/*` is external: the Node 22 Lambda runtime provides SDK v3; so are the unused encoding tables above. ESM output with a `require` shim for the
 * CommonJS dependencies; `module` before `main` lets esbuild tree-shake ESM builds (zod's locales among them).
 */
export const bundlingOptions = {
  minify: true,
  sourceMap: false,
  target: 'node22',
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  // @napi-rs/canvas loads a native binding: never bundled; the asset that needs it ships it (lambdaAssets.ts `ocr`).
  externalModules: ['@aws-sdk/*', '@napi-rs/canvas', ...unusedEncodingTables],
  banner:
    "import { createRequire as __awardCreateRequire } from 'node:module';const require = __awardCreateRequire(import.meta.url);",
} as const;

/** Campaign JSON files ship next to the handler; the Lambda points AWARD_CAMPAIGNS_DIR there. */
export const campaignsSource = join(repoRoot, 'shared', 'domain', 'campaign', 'campaigns');
export const campaignsDirInLambda = '/var/task/campaigns';

/** What an asset needs beside its handler bundle (infra/lambdaAssets.ts builds it). */
export type AssetPart = 'parsers' | 'sevenZip' | 'ocr';

export const assetPartsOf: Readonly<Record<string, readonly AssetPart[]>> = {
  // Each entry is parsed and its scans OCR'd in the same Map iteration; Verify only reads the stored models.
  'intake.extractFile': ['parsers', 'ocr'],
  'intake.unpackBundle': ['sevenZip'],
};

/** The shell command of the `afterBundling` hook adding `parts` to the asset in `outputDir`. */
export function assetPartsCommand(outputDir: string, parts: readonly AssetPart[]): string {
  const script = join(repoRoot, 'infra', 'lambdaAssets.ts');
  return `cd "${repoRoot}" && "${process.execPath}" --import tsx "${script}" "${outputDir}" ${parts.join(' ')}`;
}

export interface AwardFunctionProps {
  entry: string;
  description: string;
  key: kms.IKey;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /** For functions invoked asynchronously (EventBridge targets): failed events go to a DLQ. */
  deadLetterQueue?: import('aws-cdk-lib/aws-sqs').IQueue;
  /** Run-time files beside the handler bundle (parser worker and libraries, 7-Zip). */
  assetParts?: readonly AssetPart[];
}

/** A Lambda of the pipeline: Node 22, arm64, esbuild bundling locally, X-Ray, an encrypted log group with retention. */
export function awardFunction(scope: Construct, id: string, props: AwardFunctionProps): NodejsFunction {
  assertEsbuildResolvable();
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: props.key,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return new NodejsFunction(scope, id, {
    entry: props.entry,
    handler: 'handler',
    description: props.description,
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize ?? 512,
    timeout: props.timeout ?? Duration.seconds(60),
    tracing: lambda.Tracing.ACTIVE,
    logGroup,
    projectRoot: repoRoot,
    depsLockFilePath: join(repoRoot, 'package-lock.json'),
    environment: {
      AWARD_CAMPAIGNS_DIR: campaignsDirInLambda,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      ...props.environment,
    },
    ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
    bundling: {
      ...bundlingOptions,
      mainFields: [...bundlingOptions.mainFields],
      externalModules: [...bundlingOptions.externalModules],
      forceDockerBundling: false,
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_input: string, outputDir: string) => [
          `cp -r "${campaignsSource}" "${outputDir}/campaigns"`,
          ...(props.assetParts?.length ? [assetPartsCommand(outputDir, props.assetParts)] : []),
        ],
      },
    },
  });
}
