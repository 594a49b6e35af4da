import { z } from 'zod';
import { Stage } from '../domain/track/stage.js';
import { Track } from '../domain/track/track.js';

/** The input of a Project execution; `resumeAt` restarts it at a recorded stage. */
export const ProjectExecutionInput = z.object({
  applicationId: z.string().min(1),
  track: Track,
  campaign: z.string().regex(/^\d{4}$/),
  resumeAt: Stage.optional(),
});
export type ProjectExecutionInput = z.infer<typeof ProjectExecutionInput>;

/** What every per-stage Task of the Project state machine passes to its Lambda. */
export const StageStepInput = z.object({
  applicationId: z.string().min(1),
  track: Track,
  campaign: z.string().regex(/^\d{4}$/),
  stage: Stage,
  executionId: z.string().min(1),
});
export type StageStepInput = z.infer<typeof StageStepInput>;
