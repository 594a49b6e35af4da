import { recordPanelScores } from '../../shared/actions/recordPanelScores.js';
import { Stage, stageKind } from '../../shared/domain/track/stage.js';
import {
  type AwardCommand,
  actorOf,
  type CommandIo,
  expectPositionals,
  identifierArg,
  oneOf,
  parseCommandArgs,
  positional,
  RefusedError,
  requireApplication,
  runCommand,
  scoreArg,
  storeEvidence,
  UsageError,
  withRuntime,
} from './localCommand.js';

const panelStages = Stage.options.filter((s) => stageKind(s) === 'panel');
const usage =
  'award panel draw <app> --stage S [--pool ID] [--industry GROUP] [--as NAME]\n' +
  '       award panel score <app> --stage S (--scores EXPERT=SCORE,… | --all SCORE) --evidence FILE [--as NAME]\n' +
  '       award panel load <pool.json>';

/** Random panels: the auditable draw from the expert pool, the members' scores, loading a pool file. */
export const panelCommand: AwardCommand = {
  name: 'panel',
  summary: 'draw an expert panel, record its scores, or load an expert pool',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { defaultPoolId, loadExpertPool } = await import('../local/expertPool.js');
      const { values, positionals } = parseCommandArgs(args, {
        stage: { type: 'string' },
        pool: { type: 'string' },
        industry: { type: 'string' },
        scores: { type: 'string' },
        all: { type: 'string' },
        evidence: { type: 'string' },
        as: { type: 'string' },
      });
      const verb = oneOf(positionals[0], ['draw', 'score', 'load'] as const, 'panel <verb>');
      expectPositionals(positionals, ['verb', verb === 'load' ? 'pool.json' : 'app']);
      if (verb === 'load') {
        const file = positional(positionals, 1, 'pool.json');
        return withRuntime(io, async (runtime) => {
          const loaded = await loadExpertPool(runtime.repo, file);
          io.out(`expert pool ${loaded.poolId}: ${loaded.count} experts loaded`);
          return 0;
        });
      }
      const applicationId = positional(positionals, 1, 'app');
      const stage = oneOf(values.stage, panelStages, '--stage');
      const actor = actorOf(values.as, 'reviewer', 'reviewer');
      const poolId = values.pool === undefined ? defaultPoolId : identifierArg(values.pool, '--pool');
      // Scores are checked before the runtime starts: a wrong one changes nothing.
      const allScore = values.all === undefined ? undefined : scoreArg(values.all, '--all');
      const listed = values.scores?.split(',').map((pair) => {
        const [expertId, score] = pair.split('=');
        if (!expertId?.trim() || score === undefined) throw new UsageError(`--scores: ${pair} is not EXPERT=SCORE`);
        return { expertId: expertId.trim(), score: scoreArg(score, `--scores ${expertId.trim()}`) };
      });
      if (verb === 'score' && allScore === undefined && !listed)
        throw new UsageError('give --scores EXPERT=SCORE,… or --all SCORE');
      return withRuntime(io, async (runtime) => {
        await requireApplication(runtime, applicationId);
        const ctx = runtime.actionContext();
        if (verb === 'draw') {
          const { drawLocalPanel } = await import('../local/panelDraw.js');
          const result = await drawLocalPanel(runtime, {
            actor,
            applicationId,
            stage,
            poolId,
            ...(values.industry ? { industryGroup: values.industry } : {}),
          });
          const drawn = result.events.at(-1)?.data ?? {};
          io.out(
            `${stage} panel${result.replayed ? ' (already drawn)' : ''}: ${((drawn.drawn as string[]) ?? []).join(', ')}`,
          );
          io.out(
            `  seed ${String(drawn.seed).slice(0, 16)}…, pool hash ${String(drawn.poolHash).slice(0, 16)}…, ${String(drawn.algorithmVersion)}`,
          );
          return 0;
        }
        const panel = await runtime.repo.getPanel(applicationId, stage);
        if (panel?.status !== 'DRAWN' || !panel.members) throw new RefusedError(`no panel drawn at ${stage}`);
        const scores =
          allScore === undefined ? (listed ?? []) : panel.members.map((expertId) => ({ expertId, score: allScore }));
        if (!values.evidence) throw new UsageError('--evidence (the signed score sheets) is required');
        const result = await recordPanelScores(ctx, {
          actor,
          idempotencyKey: `panel-score:${stage}`,
          applicationId,
          stage,
          scores,
          evidence: [storeEvidence(runtime, values.evidence)],
        });
        io.out(
          `${stage} scores recorded, mean ${String(result.events[0]?.data.mean)}${result.replayed ? ' (already recorded)' : ''}`,
        );
        return 0;
      });
    }),
};
