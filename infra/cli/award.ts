import { pathToFileURL } from 'node:url';
import { checkCommand, checkUsage } from './checkCommand.js';
import { type CliIo, type Command, exitCodes, processIo, UsageError } from './cliIo.js';
import { localRouterCommands } from './localCommands.js';

/** The commands of `award`; each lives in its own file (a later engineer adds submit, status, tasks …). */
export const commands: Record<string, { run: Command; summary: string }> = {
  check: { run: checkCommand, summary: '检查材料包的完整性并输出报告' },
  ...localRouterCommands,
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `用法: award <命令> [参数]\n\n命令:\n${lines.join('\n')}\n\n${checkUsage}`;
}

/** Runs one command line and returns the exit code; never throws (errors become a message on stderr and exit 2). */
export async function runAward(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(`${usage()}\n`);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`未知命令“${name}”\n\n${usage()}\n`);
    return exitCodes.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`错误：${error.message}\n（award ${name} --help 查看用法）\n`);
      return exitCodes.usage;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`内部错误：${message}\n`);
    if (process.env.AWARD_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return exitCodes.usage;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAward(process.argv.slice(2));
}
