/** Where a command writes: stdout carries only the command's result, stderr progress and errors. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A wrong command line or an unusable input: exit code 2, a clear message, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes of every command: 0 success / complete, 1 findings that block, 2 usage or input error. */
export const exitCodes = { ok: 0, blocking: 1, usage: 2 } as const;

export type Command = (args: string[], io: CliIo) => Promise<number>;
