import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consultationStatus } from '../../shared/actions/consultationStatus.js';
import { stageKind } from '../../shared/domain/track/stage.js';
import type { ApplicationMeta } from '../../shared/records/recordsRepository.js';
import type { CommandIo } from '../cli/localCommand.js';
import { withRuntime } from '../cli/localCommand.js';
import { localCommands } from '../cli/localCommands.js';

/** Runs `award <args>` in this process, echoing the command line; a non-zero exit stops the script. */
export async function award(io: CommandIo, args: string[]): Promise<void> {
  const [name, ...rest] = args;
  const command = name ? localCommands[name] : undefined;
  if (!command) throw new Error(`no award command ${name}`);
  io.out(`$ award ${args.map((a) => (/[\s]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const code = await command.run(rest, io);
  if (code !== 0) throw new Error(`award ${name} exited with ${code}`);
}

interface Snapshot {
  meta: ApplicationMeta;
  outstanding: string[];
  panel?: 'none' | 'drawn' | 'scored';
  closesAt?: string;
  awaiting?: string;
  now: number;
}

async function snapshot(io: CommandIo, applicationId: string): Promise<Snapshot> {
  return withRuntime(io, async (rt) => {
    const meta = await rt.repo.getApplication(applicationId);
    if (!meta) throw new Error(`no application ${applicationId}`);
    const events = await rt.repo.listEvents(applicationId);
    const task = await rt.repo.getTask(applicationId, meta.stage);
    const snap: Snapshot = {
      meta,
      outstanding: consultationStatus(events).outstanding,
      awaiting: task?.awaiting,
      now: rt.clock.now().getTime(),
    };
    if (stageKind(meta.stage) === 'panel') {
      const panel = await rt.repo.getPanel(applicationId, meta.stage);
      const scored = events.some((e) => e.type === 'PANEL_SCORES_RECORDED' && e.stage === meta.stage);
      snap.panel = panel?.status !== 'DRAWN' ? 'none' : scored ? 'scored' : 'drawn';
    }
    if (stageKind(meta.stage) === 'publicity')
      snap.closesAt = (await rt.repo.getWindow(applicationId, meta.stage))?.closesAt;
    return snap;
  });
}

/** A small text file standing for a signed paper (征求意见表, score sheet) as evidence. */
function evidenceFile(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `${text}\n`);
  return path;
}

export interface WalkOptions {
  /** Stop when the application reaches this kind of stage (the campaign-wide finalisation waits for all). */
  until: 'finalisation' | 'terminal';
  /** Stop earlier, on arriving at this stage. */
  stopAt?: string;
  evidenceDir: string;
  /** SI 专业评选: the industry group whose experts are drawn (when the application data name none). */
  industryGroup?: string;
  /** Score given by every panel member and at 综合评价. */
  score?: number;
}

/**
 * Walks an application through its stages with scripted decisions, each an `award` command: every required
 * consultation, the clock moved to each publicity window's end, panel draw + scores + decision, the stage
 * decisions. Stops at `until`, or when a step does not move the application (it then says where it stands).
 */
export async function walkApplication(
  io: CommandIo,
  applicationId: string,
  options: WalkOptions,
): Promise<ApplicationMeta> {
  const score = String(options.score ?? 88);
  for (let step = 0; step < 60; step++) {
    const s = await snapshot(io, applicationId);
    const { stage, status } = s.meta;
    const kind = stageKind(stage);
    if (kind === 'terminal' || (kind === 'finalisation' && options.until === 'finalisation')) return s.meta;
    if (status === 'PAUSED' || stage === options.stopAt) return s.meta;
    const before = `${stage}/${s.meta.version}`;
    switch (kind) {
      case 'consultation':
        for (const department of s.outstanding)
          await award(io, [
            'consult',
            applicationId,
            '--department',
            department,
            '--opinion',
            'no_objection',
            '--summary',
            '经核查，无不良记录，同意推荐',
            '--evidence',
            evidenceFile(
              options.evidenceDir,
              `征求意见表-${applicationId}-${department}.txt`,
              `征求意见表 ${department}`,
            ),
          ]);
        break;
      case 'publicity':
        if (!s.closesAt) return s.meta;
        // The clock only moves forward: another application's window may have moved it past this one's end.
        if (Date.parse(s.closesAt) > s.now) await award(io, ['clock', 'set', s.closesAt]);
        else await award(io, ['resume']);
        break;
      case 'panel':
        if (s.panel === 'none')
          await award(io, [
            'panel',
            'draw',
            applicationId,
            '--stage',
            stage,
            ...(stage === 'PROFESSIONAL_REVIEW' && options.industryGroup ? ['--industry', options.industryGroup] : []),
          ]);
        else if (s.panel === 'drawn')
          await award(io, [
            'panel',
            'score',
            applicationId,
            '--stage',
            stage,
            '--all',
            score,
            '--evidence',
            evidenceFile(options.evidenceDir, `评分表-${applicationId}-${stage}.txt`, `评分表 ${stage}`),
          ]);
        else
          await award(io, [
            'decide',
            applicationId,
            '--stage',
            stage,
            '--decision',
            'pass',
            '--reason',
            '专家组评审通过',
          ]);
        break;
      case 'decision':
        await award(io, [
          'decide',
          applicationId,
          '--stage',
          stage,
          '--decision',
          'pass',
          '--reason',
          stage === 'UNIT_RECOMMENDATION' ? '推荐单位同意推荐' : '审核通过',
          ...(stage === 'COMPREHENSIVE_EVALUATION' ? ['--score', score] : []),
        ]);
        break;
      default:
        return s.meta;
    }
    const after = await snapshot(io, applicationId);
    if (`${after.meta.stage}/${after.meta.version}` === before && kind !== 'panel') return after.meta;
  }
  throw new Error(`${applicationId}: the walk did not end`);
}
