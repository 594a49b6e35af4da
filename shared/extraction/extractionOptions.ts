import type { ReadDocument } from './analyseDocument.js';
import type { ExtractedDocument } from './document.js';
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
  /**
   * What follows parsing, in the same pass, with the file's bytes: by default `analyseDocument`. The OCR pass
   * (shared/ocr/documentOcr.ts) plugs in here to read the pages without a text layer before the analysis; a PDF's
   * bytes are then copied to the parser instead of handed over, so that they can still be rendered.
   */
  analyse?: DocumentAnalysis;
}

/** The analysis of a read document (classification, markings, fields, records), given its original bytes. */
export type DocumentAnalysis = (doc: ReadDocument, bytes: Uint8Array) => Promise<ExtractedDocument>;

/** A bundle entry's analysis; `done` is called once the entry is finished, extracted or not (budget turns pass on). */
export interface EntryAnalysis {
  analyse?: DocumentAnalysis;
  done(): void;
}

/** Gives each entry of a bundle its analysis, in bundle order (entry index 0, 1, 2 …). */
export type EntryAnalyser = (index: number) => EntryAnalysis;

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
