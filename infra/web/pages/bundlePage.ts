import { html } from 'hono/html';
import type { ApplicationMeta, BundleRecord } from '../../../shared/records/recordsRepository.js';
import { beijingTime } from '../beijingTime.js';
import { applicationTable } from './applicationRows.js';
import { type Frame, type Html, layout } from './layout.js';

/** One bundle: when it came, its applications and the completeness report (the stored HTML, shown in a frame). */
export function bundlePage(
  frame: Frame,
  bundle: BundleRecord,
  apps: readonly ApplicationMeta[],
  hasReport: boolean,
): Html {
  return layout(
    frame,
    html`<dl class="facts"><dt>材料包</dt><dd><code>${bundle.bundleId}</code></dd>
<dt>推荐单位</dt><dd>${bundle.unitName || bundle.unitId}</dd>
<dt>收到时间</dt><dd>${beijingTime(bundle.receivedAt)}</dd></dl>
<h2>申报</h2>
${applicationTable('本材料包的申报', apps, false)}
<h2>材料完整性审核报告</h2>
${
  hasReport
    ? html`<p><a href="/bundles/${bundle.bundleId}/report.html" target="_blank" rel="noopener">在新窗口打开报告（可打印）</a></p>
<iframe class="report" src="/bundles/${bundle.bundleId}/report.html" title="材料完整性审核报告"></iframe>`
    : html`<p>报告尚未生成。</p>`
}`,
  );
}
