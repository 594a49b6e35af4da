import {
  type AwardCommand,
  type CommandIo,
  expectPositionals,
  integerArg,
  parseCommandArgs,
  runCommand,
} from './localCommand.js';

const usage = 'award serve [--port N] [--host ADDRESS]';

/** Waits for Ctrl-C (SIGINT) or SIGTERM. */
const untilStopped = () =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

/**
 * The web console on an existing AWARD_HOME until Ctrl-C. The server and the runtime behind it are imported here,
 * when the command runs, so `award --help` never loads them.
 */
export const serveCommand: AwardCommand = {
  name: 'serve',
  summary: 'serve the web console (units upload, reviewers work their queue, auditors verify) on localhost',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' }, host: { type: 'string' } });
      expectPositionals(positionals, []);
      const port = values.port === undefined ? 8080 : integerArg(values.port, '--port', 0, 65_535);
      const { startConsole } = await import('../web/consoleServer.js');
      const running = await startConsole({
        env: io.env,
        cwd: io.cwd,
        port,
        notice: io.err,
        ...(values.host ? { host: values.host } : {}),
      });
      const users = running.users.list();
      io.out(`web console: ${running.url}  (AWARD_HOME ${running.runtime.home.root}; Ctrl-C stops it)`);
      if (users.length === 0) io.out('no users yet: add one with award user add <name> --role unit|reviewer|auditor');
      await untilStopped();
      await running.close();
      return 0;
    }),
};
