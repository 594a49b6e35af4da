import { html } from 'hono/html';
import { beijingTime } from '../beijingTime.js';
import type { IntakeProgress } from '../intakeTracker.js';
import { type Frame, type Html, layout } from './layout.js';

/** A bundle still being read and checked (its page reloads itself when the report is ready), or why it failed. */
export function uploadProgressPage(frame: Frame, upload: IntakeProgress): Html {
  const facts = html`<dl class="facts"><dt>材料包</dt><dd><code>${upload.bundleId}</code></dd>
<dt>上传的文件</dt><dd>${upload.fileName}</dd>
<dt>上传时间</dt><dd>${beijingTime(upload.uploadedAt)}</dd></dl>`;
  if (upload.state === 'failed')
    return layout(
      frame,
      html`${facts}<p class="alert" role="alert">${upload.failure ?? '检查未能完成。'}</p>
<p><a href="/unit">返回我的材料与申报</a></p>`,
    );
  const reading = upload.state === 'reading' && upload.files !== undefined;
  return layout(
    frame,
    html`${facts}
<div data-intake-status="/bundles/${upload.bundleId}/status.json">
<progress max="${reading ? Math.max(1, upload.files ?? 1) : 1}" ${reading ? html`value="${upload.filesRead}"` : ''} aria-label="检查进度"></progress>
<p role="status" data-progress-text>${reading ? `正在读取文件：${upload.filesRead} / ${upload.files}` : '已收到，等待检查……'}</p>
</div>
<p>检查完成后本页会显示完整性审核报告。您也可以离开本页，稍后在“我的材料与申报”中查看。</p>
<p><a href="/bundles/${upload.bundleId}">刷新</a></p>`,
  );
}
