import { type Stage, type StageKind, stageKind, stagePath } from '../shared/domain/track/stage.js';
import { Track } from '../shared/domain/track/track.js';
import { humanTaskLimits } from '../shared/workflow/humanTaskLimits.js';
import { transientErrorNames } from '../shared/workflow/workflowErrors.js';
import { type AslDefinition, type AslState, functionPlaceholder, waitForTaskTokenResource } from './aslTypes.js';

/** The logical handlers of the Project state machine (one Lambda each; see functions/workflow/). */
export const projectHandlers = [
  'workflow.startStage',
  'workflow.advanceAutomaticStage',
  'workflow.awaitHumanTask',
  'workflow.escalateHumanTask',
  'workflow.computePublicityWindow',
  'workflow.checkPublicityWindow',
  'workflow.checkObjections',
  'workflow.checkPanelDrawn',
  'workflow.recordOutcome',
  'workflow.recordWorkflowFailure',
] as const;
export type ProjectHandler = (typeof projectHandlers)[number];

export { humanTaskLimits };

/** Seconds between re-checks when the Wait ended before the window's end by the clock of the check (skew). */
export const windowRecheckSeconds = 300;
/** A plain Lambda task's limit (the functions time out before it). */
const lambdaTaskTimeout = 120;

export const stateName = (track: string, stage: Stage, step: string) => `${track}.${stage}.${step}`;

const failureRecord = 'Failure.Record';
const failureFailed = 'Failure.Failed';
export const suspendedStates = {
  HumanTaskPending: 'Suspended.HumanTaskPending',
  WindowStillOpen: 'Suspended.WindowStillOpen',
} as const;

const retry = [
  { ErrorEquals: [...transientErrorNames], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2, JitterStrategy: 'FULL' },
];
const catchAll = { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: failureRecord };
const suspendOn = (error: keyof typeof suspendedStates) => ({
  ErrorEquals: [error],
  ResultPath: '$.error',
  Next: suspendedStates[error],
});

function stageParameters(track: string, stage: Stage) {
  return {
    'applicationId.$': '$.applicationId',
    track,
    'campaign.$': '$.campaign',
    stage,
    'executionId.$': '$$.Execution.Id',
  };
}

function lambdaTask(
  handler: ProjectHandler,
  parameters: Record<string, unknown>,
  resultPath: string,
  next: string,
  catchers: object[] = [],
): AslState {
  return {
    Type: 'Task',
    Resource: functionPlaceholder(handler),
    Parameters: parameters,
    ResultPath: resultPath,
    TimeoutSeconds: lambdaTaskTimeout,
    Retry: retry,
    Catch: [...catchers, catchAll],
    Next: next,
  };
}

/** Where an execution starts a stage: its Enter task, or for a terminal stage its outcome record. */
export function stageEntry(track: string, stage: Stage): string {
  return stageKind(stage) === 'terminal' ? stateName(track, stage, 'RecordOutcome') : stateName(track, stage, 'Enter');
}

/** The states of one stage of one track, from the shared sub-chain of its kind. */
function stageStates(track: Track, stage: Stage, next: Stage | undefined): Record<string, AslState> {
  const kind = stageKind(stage);
  const name = (step: string) => stateName(track, stage, step);
  const params = stageParameters(track, stage);
  const notAwarded = stageEntry(track, 'NOT_AWARDED');
  if (kind === 'terminal') {
    return {
      [name('RecordOutcome')]: lambdaTask('workflow.recordOutcome', params, '$.outcome', name('Done')),
      [name('Done')]: { Type: 'Succeed' },
    };
  }
  if (!next) throw new Error(`${track}: stage ${stage} has no next stage`);
  const onward = stageEntry(track, next);
  const outcome = (otherwise: string): AslState => ({
    Type: 'Choice',
    Choices: [{ Variable: '$.decision.outcome', StringEquals: 'reject', Next: notAwarded }],
    Default: otherwise,
  });
  const awaitHuman = (awaiting: Exclude<StageKind, 'automatic' | 'terminal'>, step: string, then: string) => {
    const limits = humanTaskLimits[awaiting];
    return {
      [name(step)]: {
        Type: 'Task',
        Resource: waitForTaskTokenResource,
        Parameters: {
          FunctionName: functionPlaceholder('workflow.awaitHumanTask'),
          Payload: { ...params, awaiting, 'taskToken.$': '$$.Task.Token' },
        },
        ResultPath: '$.decision',
        TimeoutSeconds: limits.timeout,
        HeartbeatSeconds: limits.heartbeat,
        Retry: retry,
        Catch: [
          {
            ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout'],
            ResultPath: '$.error',
            Next: name(`${step}.Escalate`),
          },
          suspendOn('HumanTaskPending'),
          catchAll,
        ],
        Next: then,
      },
      [name(`${step}.Escalate`)]: lambdaTask(
        'workflow.escalateHumanTask',
        { ...params, awaiting, 'error.$': '$.error' },
        '$.escalation',
        name(step),
      ),
    } satisfies Record<string, AslState>;
  };
  const enter = (then: string) => ({
    [name('Enter')]: lambdaTask('workflow.startStage', params, '$.current', then),
  });

  switch (kind) {
    case 'automatic':
      return {
        ...enter(name('Advance')),
        [name('Advance')]: lambdaTask('workflow.advanceAutomaticStage', params, '$.decision', name('Outcome')),
        [name('Outcome')]: outcome(onward),
      };
    case 'consultation':
    case 'decision':
    case 'finalisation':
      return {
        ...enter(name('Await')),
        ...awaitHuman(kind, 'Await', name('Outcome')),
        [name('Outcome')]: outcome(onward),
      };
    case 'panel':
      return {
        ...enter(name('Panel')),
        [name('Panel')]: lambdaTask('workflow.checkPanelDrawn', params, '$.panel', name('Await')),
        ...awaitHuman('panel', 'Await', name('Outcome')),
        [name('Outcome')]: outcome(onward),
      };
    case 'publicity':
      return {
        ...enter(name('OpenWindow')),
        [name('OpenWindow')]: lambdaTask('workflow.computePublicityWindow', params, '$.window', name('WaitForClose')),
        [name('WaitForClose')]: { Type: 'Wait', TimestampPath: '$.window.closesAt', Next: name('CheckWindow') },
        [name('CheckWindow')]: lambdaTask(
          'workflow.checkPublicityWindow',
          { ...params, 'window.$': '$.window' },
          '$.windowCheck',
          name('WindowClosed'),
          [suspendOn('WindowStillOpen')],
        ),
        [name('WindowClosed')]: {
          Type: 'Choice',
          Choices: [{ Variable: '$.windowCheck.closed', BooleanEquals: false, Next: name('Recheck') }],
          Default: name('CheckObjections'),
        },
        [name('Recheck')]: { Type: 'Wait', Seconds: windowRecheckSeconds, Next: name('CheckWindow') },
        [name('CheckObjections')]: lambdaTask(
          'workflow.checkObjections',
          params,
          '$.objections',
          name('ObjectionsOutcome'),
          [suspendOn('WindowStillOpen')],
        ),
        [name('ObjectionsOutcome')]: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.objections.outcome', StringEquals: 'reject', Next: notAwarded },
            { Variable: '$.objections.outcome', StringEquals: 'paused', Next: name('AwaitObjection') },
            { Variable: '$.objections.outcome', StringEquals: 'open', Next: name('Recheck') },
          ],
          Default: onward,
        },
        ...awaitHuman('publicity', 'AwaitObjection', name('Outcome')),
        // After an objection is resolved: upheld → not awarded; otherwise check again (and close the window).
        [name('Outcome')]: outcome(name('CheckObjections')),
      };
    default:
      throw new Error(`no sub-chain for stage kind ${kind}`);
  }
}

/**
 * The Project state machine (one execution per application), JSONPath only. Input `{applicationId, track,
 * campaign, resumeAt?}`. `Route.ResumeAt` restarts at a recorded stage; `Route.Track` picks the track's path;
 * each stage of `stagePath[track]` is built from its kind's sub-chain, states named `<TRACK>.<STAGE>.<Step>`.
 * Lambda resources are `${fn_<handler>}` placeholders, filled by DefinitionSubstitutions at deploy time.
 */
export function projectDefinition(): AslDefinition {
  const states: Record<string, AslState> = {};
  const resumeChoices: object[] = [];
  for (const track of Track.options) {
    const path = stagePath[track];
    for (const [i, stage] of path.entries()) {
      Object.assign(states, stageStates(track, stage, path[i + 1]));
      resumeChoices.push(resumeRule(track, stage));
    }
    Object.assign(states, stageStates(track, 'NOT_AWARDED', undefined));
    resumeChoices.push(resumeRule(track, 'NOT_AWARDED'));
  }
  return {
    Comment: 'Jilin Provincial Quality Award: one application through the stages of its track (SPEC §5)',
    StartAt: 'Route.ResumeAt',
    States: {
      'Route.ResumeAt': {
        Type: 'Choice',
        Choices: [{ Variable: '$.resumeAt', IsPresent: true, Next: 'Route.ResumeStage' }],
        Default: 'Route.Track',
      },
      'Route.ResumeStage': { Type: 'Choice', Choices: resumeChoices, Default: 'Route.UnknownStage' },
      'Route.Track': {
        Type: 'Choice',
        Choices: Track.options.map((track) => ({
          Variable: '$.track',
          StringEquals: track,
          Next: stageEntry(track, stagePath[track][0] as Stage),
        })),
        Default: 'Route.UnknownTrack',
      },
      'Route.UnknownStage': {
        Type: 'Fail',
        Error: 'UnknownResumeStage',
        Cause: 'resumeAt is not a stage of the track',
      },
      'Route.UnknownTrack': { Type: 'Fail', Error: 'UnknownTrack', Cause: 'track is not QM_ORG, QM_IND or SI' },
      ...states,
      [suspendedStates.HumanTaskPending]: {
        Type: 'Fail',
        Error: 'HumanTaskPending',
        Cause: 'local mode: the decision is not recorded yet; the local runtime resumes with resumeAt',
      },
      [suspendedStates.WindowStillOpen]: {
        Type: 'Fail',
        Error: 'WindowStillOpen',
        Cause: 'local mode: the publicity window is open; the local runtime resumes with resumeAt',
      },
      [failureRecord]: {
        Type: 'Task',
        Resource: functionPlaceholder('workflow.recordWorkflowFailure'),
        Parameters: { 'executionId.$': '$$.Execution.Id', 'state.$': '$' },
        ResultPath: '$.failure',
        TimeoutSeconds: lambdaTaskTimeout,
        Retry: retry,
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: failureFailed }],
        Next: failureFailed,
      },
      [failureFailed]: { Type: 'Fail', Error: 'WorkflowFailed', Cause: 'recorded in the history as WORKFLOW_FAILED' },
    },
  };
}

function resumeRule(track: string, stage: Stage) {
  return {
    And: [
      { Variable: '$.track', StringEquals: track },
      { Variable: '$.resumeAt', StringEquals: stage },
    ],
    Next: stageEntry(track, stage),
  };
}
