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
