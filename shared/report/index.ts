export * from './completenessReport.js';
export { orderFindings, tally } from './findingOrder.js';
export { reportHtml } from './reportHtml.js';
export { parseReportJson, reportJson } from './reportJson.js';
export { findingTitles } from './reportLabels.js';
export { reportSummary } from './reportSummary.js';
