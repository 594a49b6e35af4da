import { html } from 'hono/html';
import type { ApplicationMeta, BundleRecord } from '../../../shared/records/recordsRepository.js';
import { beijingTime } from '../beijingTime.js';
import type { IntakeProgress } from '../intakeTracker.js';
import { applicationTable } from './applicationRows.js';
import { csrfField, type Frame, type Html, layout, tableWrap } from './layout.js';

/** A recommending unit's page: upload a bundle (drag and drop, progress), its bundles and their applications. */
export function unitHomePage(
  frame: Frame,
  bundles: readonly BundleRecord[],
  apps: readonly ApplicationMeta[],
  checking: readonly IntakeProgress[] = [],
): Html {
  const sorted = [...bundles].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1));
  return layout(
    frame,
    html`<h2>上传材料包</h2>
<form class="stack" method="post" action="/unit/bundles" enctype="multipart/form-data" data-upload>
${csrfField(frame.csrfToken)}
<div class="drop">
<label for="bundle">选择材料包（.zip 或 .iso，最大 100 MB），或把文件拖到这里</label>
<input type="file" id="bundle" name="bundle" accept=".zip,.iso" required>
<p data-chosen aria-live="polite"></p>
</div>
<progress max="100" value="0" hidden aria-label="上传进度"></progress>
<p data-status role="status"></p>
<button type="submit" class="primary">上传并检查</button>
</form>
<p>申报材料不完整时，上传更正后的材料包即可取代原申报（同一申报者）；原材料包、原申报及其检查记录仍完整保留。已进入评选程序的申报如需更正，请联系评选表彰办公室。</p>
${
  checking.length === 0
    ? ''
    : html`<h2>正在检查的材料包</h2><ul>${checking.map(
        (u) =>
          html`<li><a href="/bundles/${u.bundleId}">${u.fileName}</a>（${beijingTime(u.uploadedAt)} 上传，${u.state === 'failed' ? '检查未完成' : '检查中'}）</li>`,
      )}</ul>`
}
<h2>已提交的材料包</h2>
${
  sorted.length === 0
    ? html`<p>尚未提交材料包。</p>`
    : tableWrap(
        '已提交的材料包',
        html`<table><thead><tr><th scope="col">材料包</th><th scope="col">收到时间</th><th scope="col">申报数</th></tr></thead>
<tbody>${sorted.map(
          (b) =>
            html`<tr><td><a href="/bundles/${b.bundleId}">${b.bundleId}</a></td><td>${beijingTime(b.receivedAt)}</td><td>${b.applicationIds.length}</td></tr>`,
        )}</tbody></table>`,
      )
}
<h2>申报及所处阶段</h2>
${applicationTable('申报及所处阶段', apps, false)}`,
  );
}
