import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import { Stage, stages } from '../../shared/domain/track/stage.js';
import { Track } from '../../shared/domain/track/track.js';
import type { ApplicationMeta, ApplicationStatus, CampaignFilter } from '../../shared/records/recordsRepository.js';
import {
  type AwardCommand,
  type CommandIo,
  campaignArg,
  expectPositionals,
  oneOf,
  parseCommandArgs,
  runCommand,
  withRuntime,
} from './localCommand.js';

const usage = 'award status [--campaign YEAR] [--track T] [--status S] [--stage S] [--unit ID] [--json]';
const statuses: ApplicationStatus[] = ['ACTIVE', 'PAUSED', 'AWARDED', 'NOT_AWARDED', 'SUPERSEDED'];

/**
 * The byCampaignStatus sort key is `<track>#<status>#<stage>#…`: a stage filter needs a status and a track, so a
 * filter that leaves them open becomes one Query per track × status (never a Scan).
 */
export function campaignQueries(filter: {
  track?: Track;
  status?: ApplicationStatus;
  stage?: Stage;
}): CampaignFilter[] {
  if (!filter.stage && !filter.status && !filter.track) return [{}];
  const tracks = filter.track ? [filter.track] : Track.options;
  if (!filter.stage && !filter.status) return tracks.map((track) => ({ track }));
  const wanted = filter.status ? [filter.status] : statuses;
  return tracks.flatMap((track) =>
    wanted.map((status) => ({ track, status, ...(filter.stage ? { stage: filter.stage } : {}) })),
  );
}

/** Applications of a campaign (or of a recommending unit) with their stage and status. */
export const statusCommand: AwardCommand = {
  name: 'status',
  summary: 'list applications by campaign, track, status, stage or recommending unit',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        campaign: { type: 'string' },
        track: { type: 'string' },
        status: { type: 'string' },
        stage: { type: 'string' },
        unit: { type: 'string' },
        json: { type: 'boolean' },
      });
      const filter = {
        ...(values.track ? { track: oneOf(values.track, Track.options, '--track') } : {}),
        ...(values.status ? { status: oneOf(values.status, statuses, '--status') } : {}),
        ...(values.stage ? { stage: oneOf(values.stage, Stage.options, '--stage') } : {}),
      };
      expectPositionals(positionals, []);
      const campaigns = values.campaign !== undefined ? [campaignArg(values.campaign)] : availableCampaigns();
      return withRuntime(io, async (runtime) => {
        let apps: ApplicationMeta[] = [];
        if (values.unit)
          for (const c of campaigns) apps.push(...(await runtime.repo.applicationsOfUnit(values.unit, c)));
        else
          for (const c of campaigns)
            for (const q of campaignQueries(filter)) apps.push(...(await runtime.repo.applicationsOfCampaign(c, q)));
        if (values.unit)
          apps = apps.filter(
            (a) =>
              (!filter.track || a.track === filter.track) &&
              (!filter.status || a.status === filter.status) &&
              (!filter.stage || a.stage === filter.stage),
          );
        apps.sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
        if (values.json) {
          io.out(JSON.stringify(apps, null, 2));
          return 0;
        }
        if (apps.length === 0) io.out('no applications');
        for (const a of apps)
          io.out(
            `${a.applicationId.padEnd(16)} ${a.campaign} ${a.track.padEnd(6)} ${a.status.padEnd(11)} ${a.stage.padEnd(24)} ${stages[a.stage].name}  ${a.name}${a.grade ? `  [${a.grade}]` : ''}`,
          );
        return 0;
      });
    }),
};
