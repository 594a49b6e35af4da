import type { z } from 'zod';
import type { BundleLimits } from '../bundle/bundleLimits.js';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import type { ExtractOptions } from '../extraction/extractionOptions.js';
import type { ObjectStore } from '../objects/objectStore.js';
import type { DocumentOcrOptions } from '../ocr/documentOcr.js';
import type { CompletenessReport } from '../report/completenessReport.js';
import type { WorkflowDependencies } from '../workflow/workflowDependencies.js';
import { defineStep, runStep, type WorkflowStep } from '../workflow/workflowStep.js';

/** Renders the completeness report as HTML for people (the completeness area's renderer). */
export type ReportHtmlRenderer = (report: CompletenessReport) => string;

/** The workflow ports plus what the intake reads and writes besides the records. */
export interface IntakeDependencies extends WorkflowDependencies {
  /** The submissions bucket (S3) or the local folder. */
  objects: ObjectStore;
  renderReportHtml: ReportHtmlRenderer;
  /** The campaign of a year (default `loadCampaign`). */
  campaign?: (year: string) => CampaignConfig;
  /** Where the bundle is spooled for the zip reader (default the OS temp dir: /tmp on Lambda). */
  tmpDir?: string;
  limits?: Partial<BundleLimits>;
  extraction?: Partial<ExtractOptions>;
  /** ExtractFile's OCR settings, or `false` for none (default: `intakeOcrOptions()` from the environment). */
  ocr?: DocumentOcrOptions | false;
}

/** One Task of the Intake state machine: a `WorkflowStep` with the intake's dependencies. */
export type IntakeStep<S extends z.ZodType, O> = WorkflowStep<S, O, IntakeDependencies>;

export const defineIntakeStep: <S extends z.ZodType, O>(step: IntakeStep<S, O>) => IntakeStep<S, O> = defineStep;

export const runIntakeStep: <S extends z.ZodType, O>(
  step: IntakeStep<S, O>,
  deps: IntakeDependencies,
  event: unknown,
) => Promise<O> = runStep;
