import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disclosureEventType } from '../../shared/actions/exportApplicationHistory.js';
import { seesPersonalData } from '../../shared/domain/access/maskPersonalData.js';
import { maskReport, parseReportJson } from '../../shared/report/reportJson.js';
import {
  type AwardCommand,
  actorOf,
  type CommandIo,
  expectPositionals,
  parseCommandArgs,
  positional,
  RefusedError,
  requireApplication,
  runCommand,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage = 'award report <app> [--html] [--json] [--as NAME] [--role reviewer|auditor|recommending_unit]';

/**
 * The completeness report of an application: its section of the bundle's report, or where the HTML is. ID and phone
 * numbers are masked by role as in the history exports: the office reviewer (the default) sees them, a recommending
 * unit never, an auditor only after the office recorded the need (PERSONAL_DATA_DISCLOSED).
 */
export const reportCommand: AwardCommand = {
  name: 'report',
  summary: "an application's completeness report (summary, JSON, or the HTML file)",
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        html: { type: 'boolean' },
        json: { type: 'boolean' },
        as: { type: 'string' },
        role: { type: 'string' },
      });
      const applicationId = positional(positionals, 0, 'app');
      expectPositionals(positionals, ['app']);
      if (values.html && values.json) throw new UsageError('give --html or --json, not both');
      const actor = actorOf(values.as, values.role, 'reviewer');
      return withRuntime(io, async (runtime) => {
        const meta = await requireApplication(runtime, applicationId);
        const stored = (await runtime.repo.listReports(applicationId)).at(-1);
        if (!stored) throw new RefusedError(`no completeness report stored for ${applicationId}`);
        const path = join(runtime.home.objects, stored.objectKey);
        if (!existsSync(path)) throw new RefusedError(`the report object ${stored.objectKey} is missing`);
        if (values.html) {
          const html = path.replace(/\.json$/, '.html');
          if (!existsSync(html)) throw new RefusedError(`no HTML rendering of ${stored.objectKey} (JSON: ${path})`);
          io.out(html);
          return 0;
        }
        const events = await runtime.repo.listEvents(applicationId);
        const needRecorded = events.some((e) => e.type === disclosureEventType && e.data.grantedTo === actor.id);
        const full = parseReportJson(readFileSync(path, 'utf8'));
        const masked = !seesPersonalData(actor.role, needRecorded);
        const report = masked ? maskReport(full) : full;
        const bundle = await runtime.repo.getBundle(meta.bundleId);
        const index = bundle?.applicationIds.indexOf(applicationId) ?? -1;
        const app = report.applications[index];
        if (!app) throw new RefusedError(`the report of bundle ${meta.bundleId} has no application #${index + 1}`);
        if (values.json) {
          io.out(JSON.stringify(app, null, 2));
          return 0;
        }
        io.out(
          `${applicationId} ${app.trackName} ${app.applicant.name ?? ''}: ${app.status}${masked ? ' (ID and phone numbers masked)' : ''}`,
        );
        for (const item of app.checklist) io.out(`  [${item.status}] ${item.name}`);
        for (const f of app.findings)
          io.out(`  ${f.severity.padEnd(8)} ${f.code}: ${f.message}${f.file ? ` (${f.file})` : ''}`);
        io.out(`  report: ${path}`);
        return 0;
      });
    }),
};
