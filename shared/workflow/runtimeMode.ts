/**
 * Which engine runs the state machine: `aws` (Step Functions: task tokens, real Waits) or `local`
 * (aws-local-stepfunctions: no task tokens, Waits overridden to 0 s). Only the human-task and window-check steps
 * behave differently, and only through this configuration value — never through a code path chosen elsewhere.
 */
export type RuntimeMode = 'aws' | 'local';

/** Reads AWARD_RUNTIME once: `local` selects the local mode, anything else (or nothing) is AWS. */
export function runtimeModeFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeMode {
  return env.AWARD_RUNTIME === 'local' ? 'local' : 'aws';
}
