import type { ActionContext } from '../../shared/actions/actionContext.js';
import type { TaskTokenPort } from '../../shared/actions/taskTokenPort.js';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import { AppendOnlyFileAnchor } from '../../shared/history/appendOnlyFileAnchor.js';
import { closeSharedOcrEngine } from '../../shared/ocr/recognise.js';
import { closeSharedPdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import type { ApplicationMeta, RecordsRepository, TaskRecord } from '../../shared/records/recordsRepository.js';
import { projectExecutionName } from '../../shared/workflow/executionName.js';
import type { HumanTaskOverdue, Notifier } from '../../shared/workflow/notifier.js';
import { stageEnteredEventType } from '../../shared/workflow/startStage.js';
import type { ProjectExecutionInput } from '../../shared/workflow/stepInput.js';
import type { WorkflowDependencies } from '../../shared/workflow/workflowDependencies.js';
import type { LocalDefinitions } from '../localContract.js';
import { type AwardHome, awardHome } from './awardHome.js';
import { LocalClock } from './localClock.js';
import { localDefinitions } from './localDefinitions.js';
import { type ExecutionOutcome, type LocalOverrides, localOverrides, runLocalExecution } from './localExecution.js';
import { startLocalRecordsServer } from './localRecords.js';
import { type MatrixConsultations, requireMatrixConsultations } from './matrixConsultations.js';
import { projectHandlers } from './workflowHandlers.js';

/** One run of a Project execution and where it left the application. */
export interface ProjectRun {
  applicationId: string;
  executionName: string;
  resumeAt?: string;
  outcome: ExecutionOutcome;
  /** The application after the run. */
  stage: string;
  status: string;
  /** What it waits for (`TASK#<stage>`), when it waits. */
  waitingFor?: TaskRecord;
  consultations?: MatrixConsultations;
}

/** An application that has not finished its workflow, and what it waits for, if anything. */
export interface WaitingApplication {
  meta: ApplicationMeta;
  task?: TaskRecord;
  /** For a publicity wait: the window's end. */
  closesAt?: string;
  /** Whether its Project execution ever ran (an incomplete application is registered but never started). */
  started: boolean;
}

export interface LocalRuntimeOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where office notices go (the console by default). */
  notice?: (line: string) => void;
}

/** Locally nothing holds a task token: completing one means running the execution again at its stage. */
class ResumingTaskTokens implements TaskTokenPort {
  constructor(private readonly resume: (applicationId: string) => Promise<unknown>) {}
  async complete(_token: string, output: Record<string, unknown>): Promise<void> {
    if (typeof output.applicationId === 'string') await this.resume(output.applicationId);
  }
  async fail(): Promise<void> {}
}

class ConsoleNotifier implements Notifier {
  constructor(private readonly write: (line: string) => void) {}
  async humanTaskOverdue(n: HumanTaskOverdue): Promise<void> {
    this.write(`overdue: ${n.applicationId} waits at ${n.stage} for ${n.awaiting} since ${n.waitingSince}`);
  }
}

/**
 * The whole pipeline in this process: dynalite on disk (`<AWARD_HOME>/dynamodb`), the settable clock, and the
 * Project definition of the CDK synthesis run by aws-local-stepfunctions with every task routed to its workflow step
 * (`mode: 'local'`). An execution that needs a decision not yet recorded ends `waiting` with a `TASK#<stage>` item;
 * `resume` runs it again at the application's stage. Everything lives in the records, so a new runtime on the same
 * AWARD_HOME continues where the last one stopped.
 */
export class LocalRuntime {
  readonly deps: WorkflowDependencies;
  private readonly projectOverrides: LocalOverrides;

  private constructor(
    readonly home: AwardHome,
    readonly repo: RecordsRepository,
    readonly clock: LocalClock,
    readonly definitions: LocalDefinitions,
    private readonly stopRecords: () => Promise<void>,
    notice: (line: string) => void,
  ) {
    this.deps = {
      repo,
      clock,
      mode: 'local',
      tasks: new ResumingTaskTokens((id) => this.resume(id)),
      notifier: new ConsoleNotifier(notice),
    };
    this.projectOverrides = localOverrides(
      definitions.project,
      definitions.taskStates.project,
      projectHandlers(this.deps),
    );
  }

  static async start(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
    const home = awardHome(options.env, options.cwd);
    const definitions = await localDefinitions(home.definitionsDir);
    const records = await startLocalRecordsServer(home.dynamodb, undefined, {
      historyAnchor: new AppendOnlyFileAnchor(home.historyAnchorFile),
    });
    return new LocalRuntime(
      home,
      records.repository,
      new LocalClock(home.clockFile),
      definitions,
      records.stop,
      options.notice ?? ((line) => process.stderr.write(`${line}\n`)),
    );
  }

  /** Closes dynalite (its LevelDB is flushed and unlocked) and the process-wide OCR threads the intake used. */
  async stop(): Promise<void> {
    await Promise.all([this.stopRecords(), closeSharedOcrEngine(), closeSharedPdfPageRenderer()]);
  }

  actionContext(): ActionContext {
    return { repo: this.repo, now: () => this.clock.now() };
  }

  /** Runs the Project execution of one application (from its first stage, or at `resumeAt`). */
  async runProject(input: ProjectExecutionInput): Promise<ProjectRun> {
    const executionName = projectExecutionName(input.applicationId, input.resumeAt);
    const outcome = await runLocalExecution({
      machine: 'project',
      definition: this.definitions.project,
      overrides: this.projectOverrides,
      name: executionName,
      input: { ...input },
      startTime: this.clock.now(),
    });
    const meta = await this.repo.getApplication(input.applicationId);
    const run: ProjectRun = {
      applicationId: input.applicationId,
      executionName,
      ...(input.resumeAt ? { resumeAt: input.resumeAt } : {}),
      outcome,
      stage: meta?.stage ?? 'unknown',
      status: meta?.status ?? 'unknown',
    };
    if (outcome.status === 'waiting' && meta) {
      if (meta.stage === 'CONSULTATION')
        run.consultations = await requireMatrixConsultations(this.actionContext(), input.applicationId);
      const task = await this.repo.getTask(input.applicationId, meta.stage);
      if (task) run.waitingFor = task;
    }
    return run;
  }

  /** Whether the workflow of this application has recorded its end (WORKFLOW_COMPLETED). */
  async completed(applicationId: string): Promise<boolean> {
    return (await this.repo.getIdempotency(applicationId, 'workflow-completed'))?.status === 'COMPLETED';
  }

  /**
   * Runs the application's execution again at the stage it is at (the first run starts from the track's first stage),
   * unless its workflow has ended. Every step is idempotent, so a run with nothing new ends waiting where it was.
   */
  async resume(applicationId: string): Promise<ProjectRun | undefined> {
    const meta = await this.repo.getApplication(applicationId);
    if (!meta || (await this.completed(applicationId))) return undefined;
    const started = (await this.repo.listEvents(applicationId)).some((e) => e.type === stageEnteredEventType);
    return this.runProject({
      applicationId,
      track: meta.track,
      campaign: meta.campaign,
      ...(started ? { resumeAt: meta.stage } : {}),
    });
  }

  /** Applications of the campaigns (GSI byCampaignStatus, no Scan) whose workflow has not ended. */
  async unfinished(campaigns: readonly string[] = availableCampaigns()): Promise<WaitingApplication[]> {
    const out: WaitingApplication[] = [];
    for (const campaign of campaigns)
      for (const meta of await this.repo.applicationsOfCampaign(campaign)) {
        if (meta.status === 'SUPERSEDED' || (await this.completed(meta.applicationId))) continue;
        const task = await this.repo.getTask(meta.applicationId, meta.stage);
        const window =
          task?.awaiting === 'publicity' ? await this.repo.getWindow(meta.applicationId, meta.stage) : undefined;
        const started = (await this.repo.listEvents(meta.applicationId)).some((e) => e.type === stageEnteredEventType);
        out.push({ meta, started, ...(task ? { task } : {}), ...(window ? { closesAt: window.closesAt } : {}) });
      }
    return out;
  }

  /**
   * Resumes every application that can move without a person: a publicity window whose end the clock has passed,
   * or no waiting task at its stage (a decision recorded while no runtime ran, or a run cut off by a stop). An
   * application whose execution never started (incomplete at intake) is left alone.
   */
  async resumeDue(): Promise<ProjectRun[]> {
    const now = this.clock.now().getTime();
    const runs: ProjectRun[] = [];
    for (const w of await this.unfinished()) {
      if (!w.started) continue;
      const due =
        !w.task || (w.task.awaiting === 'publicity' && w.closesAt !== undefined && Date.parse(w.closesAt) <= now);
      if (!due) continue;
      const run = await this.resume(w.meta.applicationId);
      if (run) runs.push(run);
    }
    return runs;
  }
}
