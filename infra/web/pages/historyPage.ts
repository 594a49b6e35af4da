import { html } from 'hono/html';
import type { PanelDrawCheck } from '../../../shared/actions/verifyPanelDraws.js';
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

/** What each difference of a re-run draw means, for the auditor reading it. */
const drawFieldLabels: Record<string, string> = {
  algorithmVersion: '抽取算法版本未知',
  seedCommitment: '随机种子与其承诺值不符',
  publishedCommitment: '种子承诺值与抽取前记入履历的不一致',
  poolSize: '专家库人数与保存的快照不一致',
  poolHash: '专家库哈希与保存的快照不一致',
  applicationId: '申报编号与抽取对象不一致',
  eligibleIds: '符合条件的专家与重新筛选的结果不一致',
  excluded: '回避的专家与重新筛选的结果不一致',
  industryGroup: '行业组与重新抽取的不一致',
  drawn: '抽中的专家与重新抽取的结果不一致',
  members: '专家组成员与抽取记录不一致',
  panel: '没有该阶段的专家组记录',
};

function stageName(stage: string): string {
  return stage in stages ? stages[stage as keyof typeof stages].name : stage;
}

/** The verdict on the chain: a status when intact; when damaged, an alert naming the first broken entry. */
function verdictNotice(exported: HistoryExport): Html {
  const v = exported.verification;
  if (v.ok)
    return html`<p class="notice" role="status">履历核验通过：共 ${v.count} 条记录，哈希链完整${v.anchor === 'matched' ? '，且与锚定的链头一致' : ''}。</p>`;
  const shown = exported.events.some((e) => e.seq === v.seq);
  return html`<div class="alert" role="alert"><p><strong>履历核验未通过</strong>：第一处损坏在第 ${v.seq} 条记录（${problemLabels[v.problem] ?? v.problem}）。</p>
<p>原因：${v.message}</p>
${shown ? html`<p><a href="#entry-${v.seq}">跳到第 ${v.seq} 条记录</a></p>` : ''}</div>`;
}

/** Each panel draw done again from its records: consistent or not, with its seed, pool hash and drawn experts. */
function drawChecks(draws: readonly PanelDrawCheck[]): Html {
  return html`<h2>专家抽取复核</h2>
${
  draws.length === 0
    ? html`<p>本申报尚未抽取评审专家。</p>`
    : draws.map(
        (
          d,
        ) => html`<section class="draw" aria-labelledby="draw-${d.seq}"><h3 id="draw-${d.seq}">${stageName(d.stage)}：第 ${d.seq} 条记录的抽取</h3>
<dl class="facts"><dt>复核结果</dt><dd>${
          d.verdict.ok
            ? html`<span class="badge ok">复核一致</span> 用记录的种子和专家库快照重新抽取，结果相同。`
            : html`<span class="badge bad">复核不一致</span><ul>${d.verdict.differences.map(
                (x) => html`<li>${drawFieldLabels[x.field] ?? x.field}</li>`,
              )}${d.verdict.error ? html`<li>${d.verdict.error}</li>` : ''}</ul>`
        }</dd>
<dt>抽取时间</dt><dd>${beijingTime(d.at)}</dd>
<dt>随机种子</dt><dd><code class="hash">${d.seed}</code></dd>
<dt>专家库哈希</dt><dd><code class="hash">${d.poolHash}</code></dd>
<dt>抽中专家</dt><dd>${d.drawn.length === 0 ? '无' : d.drawn.map((e, i) => html`${i > 0 ? '、' : ''}${e.name ? `${e.name}（${e.id}）` : e.id}`)}</dd></dl></section>`,
      )
}`;
}

/**
 * An application's hash-chained history with its verification (the first broken entry marked in words and in red,
 * and linked from the alert) and every panel draw re-verified.
 */
export function historyPage(frame: Frame, exported: HistoryExport, draws: readonly PanelDrawCheck[] = []): Html {
  const v = exported.verification;
  const id = exported.applicationId;
  const broken = v.ok ? undefined : { seq: v.seq, label: problemLabels[v.problem] ?? v.problem };
  return layout(
    frame,
    html`${verdictNotice(exported)}
<p><a href="/applications/${id}">返回申报</a> · <a href="/applications/${id}/history.json">导出 JSON</a> · <a href="/applications/${id}/history.csv">导出 CSV</a></p>
${exported.masked ? html`<p>身份证号和电话号码已按您的角色隐去部分数字。</p>` : ''}
${drawChecks(draws)}
<h2>履历记录</h2>
${tableWrap(
  '履历',
  html`<table><thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">阶段</th><th scope="col">事项</th><th scope="col">操作人</th><th scope="col">哈希</th></tr></thead>
<tbody>${exported.events.map(
    (e) => html`<tr id="entry-${e.seq}"${e.seq === broken?.seq ? html` class="broken"` : ''}>
<td>${e.seq === broken?.seq ? html`<strong>${e.seq} ✖ 核验未通过：${broken.label}</strong>` : e.seq}</td><td>${beijingTime(e.at)}</td><td>${stageName(e.stage)}</td>
<td><code>${e.type}</code>${typeof e.data.to === 'string' ? html` → ${stageName(e.data.to)}` : ''}</td>
<td>${e.actor}（${roleLabels[e.role as keyof typeof roleLabels] ?? e.role}）</td><td><code>${e.hash.slice(0, 12)}…</code></td></tr>`,
  )}</tbody></table>`,
)}`,
  );
}
