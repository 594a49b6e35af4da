import { processIo } from '../cli/localCommand.js';
import { localCommands } from '../cli/localCommands.js';

/**
 * `tsx infra/local/cli.ts <command> …`: the local-runtime commands on their own, for use before (and besides) the
 * `award` router of infra/cli/award.ts.
 */
const [name, ...args] = process.argv.slice(2);
const command = name ? localCommands[name] : undefined;
if (!command) {
  process.stderr.write(
    `usage: award <command> …\n${Object.values(localCommands)
      .map((c) => `  ${c.name.padEnd(9)} ${c.summary}`)
      .join('\n')}\n`,
  );
  process.exitCode = 2;
} else process.exitCode = await command.run(args, processIo());
