import type { Application } from '../domain/application/application.js';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import { matrixDepartments } from '../domain/campaign/requiredDepartments.js';
import type { Department } from '../domain/consultation/department.js';
import type { CompletenessReport } from '../report/completenessReport.js';
import { applicationOfGroup } from './applicationData.js';
import { withConsultationCategories } from './consultationForms.js';
import type { BundleGrouping } from './groupDocuments.js';

/** What the registration of one application of a checked bundle records, on AWS and locally alike. */
export interface ApplicationToRegister {
  /** The application's id in the report. */
  reportId: string;
  /** Its typed data as its forms give it, the 征求意见表's 类别 completing what they leave open. */
  application?: Application;
  /** The departments the consultation matrix requires, and the inputs it lacked. */
  departments: Department[];
  undetermined: string[];
}

/** Per application of the report, from the grouping the check made (the documents are not grouped again). */
export function applicationsToRegister(
  report: CompletenessReport,
  grouping: BundleGrouping,
  campaign: CampaignConfig,
): ApplicationToRegister[] {
  const unit = report.recommendingUnit.name;
  const groups = new Map(grouping.groups.map((g) => [g.id, g]));
  return report.applications.map((a) => {
    const group = groups.get(a.id);
    const read = group ? applicationOfGroup(group, unit, grouping.recommendingUnit) : undefined;
    const application = read && group ? withConsultationCategories(read, group.documents) : read;
    if (!application) return { reportId: a.id, departments: [], undetermined: ['application data'] };
    return { reportId: a.id, application, ...matrixDepartments(application, campaign) };
  });
}
