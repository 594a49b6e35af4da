import { html } from 'hono/html';
import { stages } from '../../../shared/domain/track/stage.js';
import { beijingTime } from '../beijingTime.js';
import type { PanelView } from '../stageBackend.js';
import { csrfField, type Html, tableWrap } from './layout.js';

export interface PanelSectionView {
  applicationId: string;
  /** The panel stages of the track: the ones drawn, and the current one. */
  panels: readonly PanelView[];
  /** The current panel stage and what this reviewer may do there now. */
  action?: { stage: PanelView['stage']; kind: 'draw' | 'score' };
}

/** A form field name for a member's score (expert ids are letters, digits, . _ -). */
export const scoreField = (expertId: string) => `score-${expertId}`;

function drawFacts(p: PanelView): Html {
  return html`<dl class="facts">
<dt>抽取时间</dt><dd>${beijingTime(p.drawnAt)}（${p.drawnBy ?? ''}）</dd>
<dt>专家库</dt><dd><code>${p.poolId ?? ''}</code>，共 ${p.poolSize ?? '—'} 名专家，按回避规则排除 ${p.excluded ?? 0} 名</dd>
<dt>随机种子</dt><dd><code class="hash">${p.seed ?? ''}</code></dd>
<dt>种子承诺（抽取前记录）</dt><dd><code class="hash">${p.seedCommitment ?? ''}</code></dd>
<dt>专家库快照哈希</dt><dd><code class="hash">${p.poolHash ?? ''}</code></dd>
<dt>抽取算法版本</dt><dd><code>${p.algorithmVersion ?? ''}</code></dd>
</dl>`;
}

function membersTable(p: PanelView): Html {
  const scoreOf = (id: string) => p.scores?.scores.find((s) => s.expertId === id)?.score;
  return tableWrap(
    `${stages[p.stage].name}专家组`,
    html`<table><thead><tr><th scope="col">序号</th><th scope="col">专家编号</th><th scope="col">姓名</th><th scope="col">单位</th>${p.scores ? html`<th scope="col">评分</th>` : ''}</tr></thead>
<tbody>${p.members.map(
      (m, i) =>
        html`<tr><td>${i + 1}</td><th scope="row"><code>${m.id}</code></th><td>${m.name}</td><td>${m.unit}</td>${p.scores ? html`<td>${scoreOf(m.id) ?? '—'}</td>` : ''}</tr>`,
    )}</tbody></table>`,
  );
}

function drawForm(v: PanelSectionView, p: PanelView, csrf: string | undefined): Html {
  return html`<form class="stack" method="post" action="/applications/${v.applicationId}/panels/draw">
${csrfField(csrf)}
<input type="hidden" name="stage" value="${p.stage}">
<p>从评审专家库中随机抽取 ${p.size ?? ''} 名专家（回避申报单位及起草单位的专家、已在本申报其他评审专家组的专家，并受每名专家评审数量上限约束）。抽取前先记录随机种子的承诺值，抽取结果可由审计人员复核。</p>
${
  p.stage === 'PROFESSIONAL_REVIEW'
    ? html`<label for="industry-group">行业组（申报材料未写明时填写）</label><input type="text" id="industry-group" name="industryGroup">`
    : ''
}
<button type="submit" class="primary">随机抽取专家</button>
</form>`;
}

function scoreForm(v: PanelSectionView, p: PanelView, csrf: string | undefined): Html {
  return html`<form class="stack" method="post" action="/applications/${v.applicationId}/panels/scores" enctype="multipart/form-data">
${csrfField(csrf)}
<input type="hidden" name="stage" value="${p.stage}">
<h4>录入专家评分（每名专家一个分数，0–100）</h4>
${p.members.map(
  (m) => html`<label for="${scoreField(m.id)}">${m.name}（${m.id}）的评分</label>
<input type="number" id="${scoreField(m.id)}" name="${scoreField(m.id)}" min="0" max="100" step="0.01" required>`,
)}
<label for="score-sheets">专家签字的评分表（扫描件，必填）</label>
<input type="file" id="score-sheets" name="evidence" required>
<button type="submit" class="primary">记录评分</button>
</form>`;
}

/** The random expert panels of the application: each draw with what an auditor needs to redo it, and the scores. */
export function panelSection(v: PanelSectionView, csrf: string | undefined): Html {
  const shown = v.panels.filter((p) => p.status === 'DRAWN' || p.stage === v.action?.stage);
  if (shown.length === 0) return html``;
  return html`<h2>专家评审</h2>
${shown.map(
  (p) => html`<h3>${stages[p.stage].name}</h3>
${
  p.status === 'DRAWN'
    ? html`${drawFacts(p)}${membersTable(p)}${
        p.scores
          ? html`<p>平均分 <strong>${p.scores.mean}</strong>（${beijingTime(p.scores.at)} 由 ${p.scores.actor} 录入）</p>`
          : html`<p>尚未录入评分。</p>`
      }`
    : html`<p>尚未抽取专家。</p>`
}
${v.action?.stage === p.stage ? (v.action.kind === 'draw' ? drawForm(v, p, csrf) : scoreForm(v, p, csrf)) : ''}`,
)}`;
}
