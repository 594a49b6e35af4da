import { html } from 'hono/html';
import { siGradeNames } from '../../../shared/domain/ranking/siGrading.js';
import { stages } from '../../../shared/domain/track/stage.js';
import { trackNames } from '../../../shared/domain/track/track.js';
import type { FinalisationCandidate } from '../../local/campaignFinalisation.js';
import { beijingTime } from '../beijingTime.js';
import { reasonNames, resultNames } from '../consoleLabels.js';
import type { FinalisationView } from '../stageBackend.js';
import { csrfField, type Frame, type Html, layout, tableWrap } from './layout.js';

export interface FinalisationPageView {
  campaign: string;
  scopes: FinalisationView[];
  /** Whether this reader may record the result (reviewer). */
  canFinalise: boolean;
  notice?: string;
  error?: string;
}

const scopeNames = { QM: '吉林省质量奖（质量管理）', SI: '吉林省质量奖（标准创新）' } as const;

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;

function rules(v: FinalisationView): Html {
  if (v.scope === 'QM') {
    const q = v.quotas.qualityManagement;
    const p = v.prizesFen;
    return html`<dl class="facts">
<dt>质量奖名额</dt><dd>${q.award} 个（组织和个人合计）</dd>
<dt>提名奖名额</dt><dd>${q.nomination} 个（组织和个人合计）</dd>
<dt>县处级干部比例上限</dt><dd>不超过入选个人总数的 ${q.countyLevelMaxPercentOfIndividuals}%（不向上取整）</dd>
<dt>组织经费补助</dt><dd>质量奖 ${yuan(p.QM_ORG.award)}，提名奖 ${yuan(p.QM_ORG.nomination)}；个人颁发证书</dd>
</dl>`;
  }
  const q = v.quotas.standardInnovation;
  const p = v.prizesFen.SI;
  return html`<dl class="facts">
<dt>等级名额</dt><dd>一等奖 ${q.FIRST} 项，二等奖 ${q.SECOND} 项，三等奖 ${q.THIRD} 项</dd>
<dt>每项奖金</dt><dd>一等奖 ${yuan(p.FIRST)}，二等奖 ${yuan(p.SECOND)}，三等奖 ${yuan(p.THIRD)}（按贡献率分配给主要起草人）</dd>
<dt>规则</dt><dd>申报等级为上限：按得分从高到低先填一等奖，再填二等奖、三等奖</dd>
</dl>`;
}

function factCells(scope: FinalisationView['scope'], c: FinalisationCandidate | undefined): Html {
  const f = (c?.facts ?? {}) as {
    countyCadre?: boolean;
    requestedGrade?: keyof typeof siGradeNames;
    drafters?: { id: string; rate: number }[];
  };
  if (scope === 'QM') return html`<td>${c?.meta.track === 'QM_IND' ? (f.countyCadre ? '是' : '否') : '—'}</td>`;
  return html`<td>${f.requestedGrade ? siGradeNames[f.requestedGrade] : '未写明'}</td>
<td>${(f.drafters ?? []).map((d) => `${d.id} ${d.rate}%`).join('；') || '—'}</td>`;
}

const factHeads = (scope: FinalisationView['scope']) =>
  scope === 'QM'
    ? html`<th scope="col">县处级干部</th>`
    : html`<th scope="col">申报等级</th><th scope="col">主要起草人及贡献率</th>`;

function waitingTable(v: FinalisationView): Html {
  if (v.waiting.length === 0) return html`<p>没有在「${stages[v.stage].name}」等待的申报。</p>`;
  return tableWrap(
    `${scopeNames[v.scope]}待确定的申报`,
    html`<table><thead><tr><th scope="col">申报编号</th><th scope="col">名称</th><th scope="col">类别</th><th scope="col">推荐单位</th><th scope="col">综合得分</th>${factHeads(v.scope)}</tr></thead>
<tbody>${v.waiting.map(
      (c) => html`<tr><th scope="row"><a href="/applications/${c.meta.applicationId}">${c.meta.applicationId}</a></th>
<td>${c.meta.name}</td><td>${trackNames[c.meta.track]}</td><td>${c.meta.unitName || c.meta.unitId}</td>
<td>${c.score ?? html`<span class="badge bad">无得分</span>`}</td>${factCells(v.scope, c)}</tr>`,
    )}</tbody></table>`,
  );
}

function resultTable(v: FinalisationView): Html {
  const f = v.finalised;
  if (!f) return html``;
  const individuals = f.outcomes.filter((o) => o.selected && o.candidate?.meta.track === 'QM_IND');
  const cadres = individuals.filter(
    (o) => (o.candidate?.facts as { countyCadre?: boolean } | undefined)?.countyCadre === true,
  );
  return html`<h3>评选结果</h3>
<p>${beijingTime(f.at)} 由 ${f.actor} 确定（每年度只确定一次）。${
    v.scope === 'QM'
      ? `入选个人 ${individuals.length} 名，其中县处级干部 ${cadres.length} 名（上限为入选个人总数的 ${v.quotas.qualityManagement.countyLevelMaxPercentOfIndividuals}%）。`
      : ''
  }</p>
${tableWrap(
  `${scopeNames[v.scope]}评选结果`,
  html`<table><thead><tr>${v.scope === 'QM' ? html`<th scope="col">名次</th>` : ''}<th scope="col">申报编号</th><th scope="col">名称</th><th scope="col">类别</th><th scope="col">综合得分</th>${factHeads(v.scope)}<th scope="col">结果</th><th scope="col">理由</th><th scope="col">奖金</th></tr></thead>
<tbody>${f.outcomes.map(
    (
      o,
    ) => html`<tr${o.selected ? '' : html` class="muted"`}>${v.scope === 'QM' ? html`<td>${o.position ?? ''}</td>` : ''}
<th scope="row"><a href="/applications/${o.applicationId}">${o.applicationId}</a></th>
<td>${o.candidate?.meta.name ?? ''}</td><td>${o.candidate ? trackNames[o.candidate.meta.track] : ''}</td>
<td>${o.candidate?.score ?? '—'}</td>${factCells(v.scope, o.candidate)}
<td><span class="badge ${o.selected ? 'ok' : 'bad'}">${resultNames[o.grade] ?? o.grade}</span></td>
<td>${reasonNames[o.reason] ?? o.reason}</td>
<td>${o.prizeFen ? yuan(o.prizeFen) : o.selected ? '证书' : '—'}${
      o.drafterPrizes?.length
        ? html`<br><small>${o.drafterPrizes.map((d) => `${d.id} ${yuan(d.fen)}`).join('；')}</small>`
        : ''
    }</td></tr>`,
  )}</tbody></table>`,
)}
<p class="exports">导出评选结果：<a href="/campaigns/${v.campaign}/finalisation.csv?scope=${v.scope}" download>CSV</a> · <a href="/campaigns/${v.campaign}/finalisation.xlsx?scope=${v.scope}" download>Excel</a></p>`;
}

function finaliseForm(v: FinalisationView, campaign: string, csrf: string | undefined): Html {
  return html`<form class="stack" method="post" action="/campaigns/${campaign}/finalisation">
${csrfField(csrf)}
<input type="hidden" name="scope" value="${v.scope}">
<p>按上表的综合得分和名额确定${scopeNames[v.scope]}评选结果。结果每年度只能确定一次，确定后入选的申报进入评选结果公示，未入选的结束评选。</p>
<label><input type="checkbox" name="confirm" value="yes" required> 我已核对上表的得分、名额和比例上限，确认确定评选结果</label>
<button type="submit" class="primary">确定评选结果</button>
</form>`;
}

/** 领导小组审核 (QM) and 综合评选 (SI) of a campaign: the rules' numbers, who waits, the form, and the result. */
export function finalisationPage(frame: Frame, view: FinalisationPageView): Html {
  return layout(
    frame,
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${view.error ? html`<p class="alert" role="alert">${view.error}</p>` : ''}
${view.scopes.map(
  (v) => html`<h2>${scopeNames[v.scope]}：${stages[v.stage].name}</h2>
${rules(v)}
${v.finalised && v.waiting.length === 0 ? '' : waitingTable(v)}
${resultTable(v)}
${view.canFinalise && !v.finalised && v.waiting.length > 0 ? finaliseForm(v, view.campaign, frame.csrfToken) : ''}`,
)}`,
  );
}
