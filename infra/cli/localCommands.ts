import type { CliIo, Command } from './cliIo.js';
import { clockCommand } from './clockCommand.js';
import { consultCommand } from './consultCommand.js';
import { decideCommand } from './decideCommand.js';
import { finalizeCommand } from './finalizeCommand.js';
import { historyCommand } from './historyCommand.js';
import { type AwardCommand, processIo } from './localCommand.js';
import { objectCommand } from './objectCommand.js';
import { panelCommand } from './panelCommand.js';
import { reportCommand } from './reportCommand.js';
import { resolveCommand } from './resolveCommand.js';
import { resumeCommand } from './resumeCommand.js';
import { serveCommand } from './serveCommand.js';
import { statusCommand } from './statusCommand.js';
import { submitCommand } from './submitCommand.js';
import { tasksCommand } from './tasksCommand.js';
import { userCommand } from './userCommand.js';

/** The local-runtime commands of `award`, by name (the router in award.ts dispatches to them). */
export const localCommands: Record<string, AwardCommand> = Object.fromEntries(
  [
    submitCommand,
    statusCommand,
    reportCommand,
    tasksCommand,
    consultCommand,
    decideCommand,
    objectCommand,
    resolveCommand,
    panelCommand,
    finalizeCommand,
    historyCommand,
    clockCommand,
    resumeCommand,
    serveCommand,
    userCommand,
  ].map((c) => [c.name, c]),
);

/** The same commands in the shape of award.ts's router (`{run(args, CliIo), summary}`). */
export const localRouterCommands: Record<string, { run: Command; summary: string }> = Object.fromEntries(
  Object.values(localCommands).map((c) => [
    c.name,
    {
      summary: c.summary,
      run: (args: string[], io: CliIo) =>
        c.run(args, {
          ...processIo(),
          out: (text) => io.stdout(`${text}\n`),
          err: (text) => io.stderr(`${text}\n`),
        }),
    },
  ]),
);
