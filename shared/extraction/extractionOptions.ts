import { type DocxPackageLimits, defaultDocxPackageLimits } from './docxPackage.js';
import { ParserSandbox } from './parserSandbox.js';

export interface ExtractOptions {
  /** Worker pool running the parsers; by default one shared pool for the process. */
  sandbox?: ParserSandbox;
  /** Time budget of one file in the parser (ms); over it → FILE_TIMEOUT. Default: the sandbox's. */
  timeoutMs?: number;
  /** Files larger than this are not parsed (FILE_TOO_LARGE). */
  maxFileBytes: number;
  docxLimits: DocxPackageLimits;
  /** The bytes' sha256 when the caller already computed it while streaming (bundles): not hashed a second time. */
  sha256?: string;
  /**
   * The caller hands the bytes over: they are moved (transferred) to the parser worker instead of copied, and are
   * unusable afterwards. Bundles do this; a caller that keeps using its buffer must not.
   */
  handOverBytes?: boolean;
}

export const defaultExtractOptions: Omit<ExtractOptions, 'sandbox'> = {
  maxFileBytes: 50 * 1024 * 1024,
  docxLimits: defaultDocxPackageLimits,
};

let shared: ParserSandbox | undefined;

/** The process-wide parser pool (idle workers do not keep the process alive). */
export function defaultSandbox(): ParserSandbox {
  shared ??= new ParserSandbox();
  return shared;
}

export async function closeDefaultSandbox(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
