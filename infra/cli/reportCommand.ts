import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import {
  type AwardCommand,
  type CommandIo,
  parseCommandArgs,
  positional,
  RefusedError,
  requireApplication,
  runCommand,
  withRuntime,
} from './localCommand.js';

const usage = 'award report <app> [--html] [--json]';

/** The completeness report of an application: its section of the bundle's report, or where the HTML is. */
export const reportCommand: AwardCommand = {
  name: 'report',
  summary: "an application's completeness report (summary, JSON, or the HTML file)",
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, { html: { type: 'boolean' }, json: { type: 'boolean' } });
      const applicationId = positional(positionals, 0, 'app');
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
        const report = JSON.parse(readFileSync(path, 'utf8')) as CompletenessReport;
        const bundle = await runtime.repo.getBundle(meta.bundleId);
        const index = bundle?.applicationIds.indexOf(applicationId) ?? -1;
        const app = report.applications[index];
        if (!app) throw new RefusedError(`the report of bundle ${meta.bundleId} has no application #${index + 1}`);
        if (values.json) {
          io.out(JSON.stringify(app, null, 2));
          return 0;
        }
        io.out(`${applicationId} ${app.trackName} ${app.applicant.name ?? ''}: ${app.status}`);
        for (const item of app.checklist) io.out(`  [${item.status}] ${item.name}`);
        for (const f of app.findings)
          io.out(`  ${f.severity.padEnd(8)} ${f.code}: ${f.message}${f.file ? ` (${f.file})` : ''}`);
        io.out(`  report: ${path}`);
        return 0;
      });
    }),
};
