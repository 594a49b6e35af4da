import { html } from 'hono/html';
import { stages } from '../../../shared/domain/track/stage.js';
import type { HistoryExport } from '../../../shared/history/exportHistory.js';
import { beijingTime } from '../beijingTime.js';
import { roleLabels } from '../consoleLabels.js';
import { type Frame, type Html, layout, tableWrap } from './layout.js';

const problemLabels: Record<string, string> = {
  altered: '被篡改',
  removed: '被删除',
  reordered: '顺序被改动',
  malformed: '格式损坏',
  unanchored: '未与锚定记录一致',
};

function stageName(stage: string): string {
  return stage in stages ? stages[stage as keyof typeof stages].name : stage;
}

/** An application's hash-chained history with its verification; the first broken entry in red. */
export function historyPage(frame: Frame, exported: HistoryExport): Html {
  const v = exported.verification;
  const id = exported.applicationId;
  const brokenSeq = v.ok ? undefined : v.seq;
  return layout(
    frame,
    html`${
      v.ok
        ? html`<p class="notice" role="status">履历核验通过：共 ${v.count} 条记录，哈希链完整${v.anchor === 'matched' ? '，且与锚定的链头一致' : ''}。</p>`
        : html`<p class="alert" role="alert">履历核验未通过：第 ${v.seq} 条记录${problemLabels[v.problem] ?? v.problem}（${v.message}）。</p>`
    }
<p><a href="/applications/${id}">返回申报</a> · <a href="/applications/${id}/history.json">导出 JSON</a> · <a href="/applications/${id}/history.csv">导出 CSV</a></p>
${exported.masked ? html`<p>身份证号和电话号码已按您的角色隐去部分数字。</p>` : ''}
${tableWrap(
  '履历',
  html`<table><thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">阶段</th><th scope="col">事项</th><th scope="col">操作人</th><th scope="col">哈希</th></tr></thead>
<tbody>${exported.events.map(
    (e) => html`<tr class="${e.seq === brokenSeq ? 'broken' : ''}">
<td>${e.seq}${e.seq === brokenSeq ? '（核验未通过）' : ''}</td><td>${beijingTime(e.at)}</td><td>${stageName(e.stage)}</td>
<td><code>${e.type}</code>${typeof e.data.to === 'string' ? html` → ${stageName(e.data.to)}` : ''}</td>
<td>${e.actor}（${roleLabels[e.role as keyof typeof roleLabels] ?? e.role}）</td><td><code>${e.hash.slice(0, 12)}…</code></td></tr>`,
  )}</tbody></table>`,
)}`,
  );
}
