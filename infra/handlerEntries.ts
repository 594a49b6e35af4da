import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { intakeHandlers } from './intakeDefinition.js';
import { projectHandlers } from './projectDefinition.js';
import { repoRoot } from './repoRoot.js';

/** Where each logical handler's Lambda entry lives (relative to the repository root); `console`: the web console's. */
export function handlerEntry(handler: string): string {
  if (handler === 'console') return 'functions/console/handler.ts';
  const [group, name] = handler.split('.') as [string, string];
  if (group === 'workflow') return `functions/workflow/${name}.ts`;
  if (group === 'intake') return `functions/workflow/intake/${name}.ts`;
  throw new Error(`no entry convention for ${handler}`);
}

export const allStepHandlers = [...projectHandlers, ...intakeHandlers] as const;

/**
 * Handlers the definitions name whose entry does not exist yet (their Lambda is not created; the definition keeps
 * the state with an unresolved `${fn_…}` placeholder, so a deploy fails loudly rather than running a fake).
 */
export function pendingHandlers(): string[] {
  return allStepHandlers.filter((h) => !existsSync(join(repoRoot, handlerEntry(h))));
}
