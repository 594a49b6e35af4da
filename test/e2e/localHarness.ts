import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandIo, withRuntime } from '../../infra/cli/localCommand.js';
import { localCommands } from '../../infra/cli/localCommands.js';
import { type WalkOptions, walkApplication } from '../../infra/demo/scriptedWalk.js';
import type { LocalRuntime } from '../../infra/local/localRuntime.js';
import { registerBundle } from '../../shared/actions/registerBundle.js';
import type { Track } from '../../shared/domain/track/track.js';

export interface Harness {
  home: string;
  io: CommandIo;
  /** Everything the commands printed so far. */
  output: string[];
  /** Runs `award <args>` in this process: exit code and what it printed. */
  award(...args: string[]): Promise<{ code: number; out: string; err: string }>;
  walk(applicationId: string, options: Omit<WalkOptions, 'evidenceDir'>): ReturnType<typeof walkApplication>;
  /** A file to hand to --evidence. */
  evidence: string;
}

/** `ocr`: read scans (the walks test the stages; OCR of the examples' scans is proven by intakeOcr and goldenReports). */
export async function createHarness(options: { ocr?: boolean } = {}): Promise<Harness> {
  process.env.AWARD_OCR = options.ocr ? 'on' : 'off';
  const home = mkdtempSync(join(tmpdir(), 'award-e2e-'));
  const output: string[] = [];
  const io: CommandIo = {
    out: (text) => output.push(text),
    err: (text) => output.push(text),
    isTTY: false,
    env: { ...process.env, AWARD_HOME: home },
    cwd: process.cwd(),
  };
  const evidence = join(home, 'evidence.txt');
  copyFileSync(new URL(import.meta.url).pathname, evidence);
  return {
    home,
    io,
    output,
    evidence,
    async award(...args) {
      const [name, ...rest] = args;
      const command = localCommands[name ?? ''];
      if (!command) throw new Error(`no command ${name}`);
      const out: string[] = [];
      const err: string[] = [];
      const code = await command.run(rest, {
        ...io,
        out: (t) => {
          out.push(t);
          output.push(t);
        },
        err: (t) => {
          err.push(t);
          output.push(t);
        },
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    walk: (applicationId, options) =>
      walkApplication(io, applicationId, { ...options, evidenceDir: join(home, 'demo-evidence') }),
  };
}

/**
 * A second application of the same track and applicant data, registered as its own bundle (as the intake would)
 * and started: the tests reject it somewhere while the first goes on to an award.
 */
export async function registerTwin(h: Harness, applicationId: string): Promise<string> {
  return withRuntime(h.io, async (rt) => {
    const events = await rt.repo.listEvents(applicationId);
    const registered = events.find((e) => e.type === 'APPLICATION_REGISTERED');
    if (!registered) throw new Error(`${applicationId} is not registered`);
    const d = registered.data as { campaign: string; track: Track; name: string; unitId: string; unitName: string };
    const result = await registerBundle(rt.actionContext(), {
      actor: { id: 'intake', role: 'system' },
      source: { kind: 'local', sha256: createHash('sha256').update(`twin of ${applicationId}`).digest('hex') },
      campaign: d.campaign,
      unit: { id: d.unitId, name: d.unitName },
      receivedAt: rt.clock.now().toISOString(),
      applications: [
        {
          track: d.track,
          name: `${d.name}（第二份）`,
          ...(registered.data.applicant ? { applicant: registered.data.applicant as Record<string, unknown> } : {}),
        },
      ],
    });
    const twin = result.applicationIds[0] as string;
    await rt.resume(twin);
    return twin;
  });
}

/** Reads the records in a runtime of its own (the commands have stopped theirs). */
export function records<T>(h: Harness, read: (rt: LocalRuntime) => Promise<T>): Promise<T> {
  return withRuntime(h.io, read);
}
