import { html } from 'hono/html';
import type { ApplicationMeta } from '../../../shared/records/recordsRepository.js';
import { applicationTable } from './applicationRows.js';
import { type Frame, type Html, layout } from './layout.js';

/** Every application, for the office and for auditors (each links to its page and history). */
export function applicationsPage(frame: Frame, apps: readonly ApplicationMeta[]): Html {
  return layout(
    frame,
    html`<p class="exports">导出全部申报：<a href="/applications.csv" download>CSV</a> · <a href="/applications.xlsx" download>Excel</a></p>
${applicationTable('全部申报', apps, true)}`,
  );
}
