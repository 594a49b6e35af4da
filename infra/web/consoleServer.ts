import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { LocalRuntime } from '../local/localRuntime.js';
import { consoleApp } from './consoleApp.js';
import { localConsoleBackend } from './consoleBackend.js';
import { ConsoleUsers } from './users.js';

/** How often the console resumes what the time lets go on (publicity windows closed). */
const resumeIntervalMs = 60_000;

export interface RunningConsole {
  url: string;
  runtime: LocalRuntime;
  users: ConsoleUsers;
  /** Stops taking requests, then stops the runtime (dynalite flushed and unlocked). */
  close(): Promise<void>;
}

/**
 * The console on this machine: the local runtime on AWARD_HOME (it holds the records' lock while it runs, so the
 * `award` commands that write wait for it to stop) and the routes on http://<host>:<port> (localhost by default;
 * port 0 picks a free one).
 */
export async function startConsole(options: {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  port?: number;
  host?: string;
  notice?: (line: string) => void;
}): Promise<RunningConsole> {
  const runtime = await LocalRuntime.start({
    ...(options.env ? { env: options.env } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.notice ? { notice: options.notice } : {}),
  });
  const users = ConsoleUsers.inHome(runtime.home.root);
  const backend = localConsoleBackend(runtime);
  const app = consoleApp({ backend, users });
  const host = options.host ?? '127.0.0.1';
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await runtime.stop();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  // A publicity window that closes in real time moves on without anyone visiting (the clock file may also be moved).
  let resuming: Promise<unknown> = Promise.resolve();
  const resumeTimer = setInterval(() => {
    resuming =
      backend.localClock?.resumeDue().catch((error: unknown) => {
        process.stderr.write(
          `console: resuming due applications failed: ${error instanceof Error ? error.message : error}\n`,
        );
      }) ?? resuming;
  }, resumeIntervalMs);
  resumeTimer.unref();
  return {
    url: `http://${host}:${port}`,
    runtime,
    users,
    async close() {
      clearInterval(resumeTimer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await resuming;
      await runtime.stop();
    },
  };
}
