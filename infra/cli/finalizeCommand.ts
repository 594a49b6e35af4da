import { ActionError } from '../../shared/actions/actionError.js';
import { scopeStage } from '../../shared/actions/finaliseCampaign.js';
import { finaliseLocalCampaign } from '../local/campaignFinalisation.js';
import {
  type AwardCommand,
  actorOf,
  type CommandIo,
  campaignArg,
  describeRun,
  expectPositionals,
  oneOf,
  parseCommandArgs,
  runCommand,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage = 'award finalize --campaign YEAR [--scope QM|SI] [--as NAME] [--json]';
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/**
 * 领导小组审核 (QM, ranking within the shared quotas) and 综合评选 (SI, grades): decided once per campaign scope over
 * the applications waiting there; then their executions resume (to 评选结果公示 or 未获奖).
 */
export const finalizeCommand: AwardCommand = {
  name: 'finalize',
  summary: 'rank QM and grade SI applications of a campaign (decided once)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        campaign: { type: 'string' },
        scope: { type: 'string' },
        as: { type: 'string' },
        json: { type: 'boolean' },
      });
      expectPositionals(positionals, []);
      if (!values.campaign) throw new UsageError('--campaign YEAR is required');
      const campaign = campaignArg(values.campaign);
      const scopes = values.scope ? [oneOf(values.scope, ['QM', 'SI'] as const, '--scope')] : (['QM', 'SI'] as const);
      const actor = actorOf(values.as, 'reviewer', 'reviewer');
      return withRuntime(io, async (runtime) => {
        const results = [];
        for (const scope of scopes) {
          const done = await finaliseLocalCampaign(runtime, { actor, campaign, scope });
          if (!done) {
            if (values.scope)
              throw new ActionError('FINALISATION_FAILED', `no application waits at ${scopeStage[scope]}`);
            continue;
          }
          const { result, already, runs } = done;
          results.push(result);
          if (values.json) continue;
          io.out(`${scope} ${campaign}${already ? ' (already finalised)' : ''}:`);
          for (const o of result.outcomes)
            io.out(`  ${o.applicationId}: ${o.grade}${o.prizeFen ? ` ${yuan(o.prizeFen)}` : ''} — ${o.reason}`);
          for (const { applicationId, run } of runs) io.out(`  ${applicationId}: ${describeRun(run)}`);
        }
        if (values.json)
          io.out(
            JSON.stringify(
              results.map((r) => ({ scope: r.scope, outcomes: r.outcomes })),
              null,
              2,
            ),
          );
        if (results.length === 0) io.out(`nothing to finalise in ${campaign}`);
        return 0;
      });
    }),
};
