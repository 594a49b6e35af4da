import { seesPersonalData } from '../../shared/domain/access/maskPersonalData.js';
import type { Actor } from '../../shared/domain/access/role.js';
import type { ApplicationMeta } from '../../shared/records/recordsRepository.js';
import type { ReportApplication } from '../../shared/report/completenessReport.js';
import { maskReport } from '../../shared/report/reportJson.js';
import type { ConsoleBackend } from './consoleBackend.js';
import type { ConsoleUser } from './users.js';

/** The actor recorded in the history for a signed-in person: their user name and role. */
export const actorOf = (user: ConsoleUser): Actor => ({ id: user.name, role: user.role });

/**
 * The application if this user may see it: a unit only its own (anything else is as if it did not exist, so another
 * unit's id gives 404, never 403); reviewers and auditors every application.
 */
export async function visibleApplication(
  backend: ConsoleBackend,
  user: ConsoleUser,
  applicationId: string,
): Promise<ApplicationMeta | undefined> {
  const meta = await backend.application(applicationId);
  if (!meta) return undefined;
  if (user.role === 'recommending_unit' && meta.unitId !== user.unitId) return undefined;
  return meta;
}

/** Whether this user may see the bundle (a unit only the ones it submitted). */
export async function visibleBundle(backend: ConsoleBackend, user: ConsoleUser, bundleId: string) {
  const bundle = await backend.bundle(bundleId);
  if (!bundle) return undefined;
  if (user.role === 'recommending_unit' && bundle.unitId !== user.unitId) return undefined;
  return bundle;
}

/**
 * The application's report as this reader may see it: ID and phone numbers masked unless the role needs them (the
 * office reviewer; an auditor only after the office recorded the need; a unit never) — the rule of the exports.
 */
export async function reportFor(
  backend: ConsoleBackend,
  user: ConsoleUser,
  applicationId: string,
): Promise<{ report: ReportApplication; masked: boolean } | undefined> {
  const report = await backend.applicationReport(applicationId);
  if (!report) return undefined;
  const needRecorded = user.role === 'auditor' && (await backend.disclosureGranted(applicationId, user.name));
  if (seesPersonalData(user.role, needRecorded)) return { report, masked: false };
  // maskReport works on a whole report: wrap the one application.
  const wrapped = maskReport({ applications: [report] } as never) as unknown as { applications: ReportApplication[] };
  return { report: wrapped.applications[0] as ReportApplication, masked: true };
}
