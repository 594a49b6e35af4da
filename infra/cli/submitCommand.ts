import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import type { SubmitResult } from '../local/directIntake.js';
import {
  type AwardCommand,
  actorOf,
  type CommandIo,
  campaignArg,
  expectPositionals,
  identifierArg,
  parseCommandArgs,
  positional,
  RefusedError,
  runCommand,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage = 'award submit <bundle.zip|bundle.iso|folder> --unit ID [--campaign YEAR] [--as NAME] [--json]';

/** The completeness summary of a submitted bundle, as printed. */
export function printSubmission(io: CommandIo, result: SubmitResult): void {
  const r = result.report;
  const f = r.summary.findings;
  io.out(
    `bundle ${result.bundleId}${result.created ? '' : ' (already submitted: nothing new registered)'}: ${r.status} — ${r.summary.files} files, ${r.summary.applications} application(s), ${r.summary.complete} complete; findings ${f.blocking} blocking, ${f.review} review, ${f.info} info`,
  );
  io.out(`  recommending unit ${r.recommendingUnit.name ?? '(unknown)'}: ${r.recommendingUnit.status}`);
  for (const a of result.applications)
    io.out(
      `  ${a.applicationId} ${a.track} ${a.name}: ${a.complete ? 'complete' : 'incomplete (not started)'}${
        a.stage ? ` — at ${a.stage} (${a.status})${a.awaiting ? `, waiting for ${a.awaiting}` : ''}` : ''
      }`,
    );
  io.out(`  report: ${result.reportPath}${result.htmlPath ? `\n  html:   ${result.htmlPath}` : ''}`);
}

/**
 * Submits a bundle as a recommending unit: the original is kept under `incoming/`, the completeness report is
 * produced and stored, the applications are registered and the complete ones start their workflow.
 */
export const submitCommand: AwardCommand = {
  name: 'submit',
  summary: 'submit a bundle (zip, iso or folder): completeness report, registration, workflow start',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        unit: { type: 'string' },
        campaign: { type: 'string' },
        as: { type: 'string' },
        json: { type: 'boolean' },
      });
      const path = resolve(io.cwd, positional(positionals, 0, 'bundle'));
      expectPositionals(positionals, ['bundle']);
      if (!values.unit) throw new UsageError('--unit ID (the recommending unit) is required');
      identifierArg(values.unit, '--unit');
      const campaign =
        values.campaign !== undefined ? campaignArg(values.campaign) : (availableCampaigns().at(-1) ?? '2025');
      if (!existsSync(path)) throw new RefusedError(`no bundle at ${path}`);
      const unitActor = actorOf(values.as ?? values.unit, 'recommending_unit', 'recommending_unit');
      const { submitBundle } = await import('../local/localIntake.js');
      return withRuntime(io, async (runtime) => {
        const result = await submitBundle(runtime, {
          path,
          unitId: values.unit as string,
          campaign,
          // The registration is the intake's (system) act on behalf of the submitting unit.
          actor: { id: `intake:${unitActor.id}`, role: 'system' },
          ...(io.isTTY && !values.json ? { progress: (step: string) => io.err(`… ${step}`) } : {}),
        });
        if (values.json)
          io.out(
            JSON.stringify(
              {
                bundleId: result.bundleId,
                created: result.created,
                status: result.report.status,
                summary: result.report.summary,
                reportPath: result.reportPath,
                applications: result.applications.map((a) => ({
                  applicationId: a.applicationId,
                  track: a.track,
                  name: a.name,
                  complete: a.complete,
                  stage: a.stage,
                  awaiting: a.awaiting,
                })),
              },
              null,
              2,
            ),
          );
        else printSubmission(io, result);
        return 0;
      });
    }),
};
