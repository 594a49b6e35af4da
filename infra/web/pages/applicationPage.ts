import { html } from 'hono/html';
import type { ConsultationStatus } from '../../../shared/actions/consultationStatus.js';
import { departments } from '../../../shared/domain/consultation/department.js';
import { stages } from '../../../shared/domain/track/stage.js';
import { trackNames } from '../../../shared/domain/track/track.js';
import type { ApplicationMeta } from '../../../shared/records/recordsRepository.js';
import type { ReportApplication } from '../../../shared/report/completenessReport.js';
import { beijingTime } from '../beijingTime.js';
import { opinionLabels, statusLabels } from '../consoleLabels.js';
import type { PublicityView } from '../stageBackend.js';
import { type DocumentsView, documentSections } from './documentsSection.js';
import { csrfField, type Frame, type Html, layout, tableWrap } from './layout.js';
import { type ObjectionSectionView, objectionSection } from './objectionSection.js';
import { type PanelSectionView, panelSection } from './panelSection.js';
import { type ClockView, clockForm, publicitySection } from './publicitySection.js';

export interface ApplicationView {
  meta: ApplicationMeta;
  report?: { report: ReportApplication; masked: boolean };
  consultation: ConsultationStatus;
  /** The stage a decision may be recorded at by this user now, if any. */
  decisionStage?: string;
  /** Whether this user may record consultation opinions now (a reviewer, at 征求意见). */
  canConsult: boolean;
  canSeeHistory: boolean;
  /** The 公示 windows opened so far, and the clock they are read against. */
  publicity: { windows: PublicityView[]; now: string };
  /** The local clock form, for a reviewer where the backend has one. */
  clock?: ClockView;
  /** Objections and panels: absent for a recommending unit (it sees its stage, not objectors or experts). */
  objections?: Omit<ObjectionSectionView, 'applicationId'>;
  panels?: Omit<PanelSectionView, 'applicationId'>;
  /** The campaign finalisation page, when the application waits for it. */
  finalisationHref?: string;
  /** The bundle's documents, and the report's findings linked to them. */
  documents?: DocumentsView;
  notice?: string;
  error?: string;
}

function applicantFacts(r: ReportApplication, masked: boolean): Html {
  const a = r.applicant;
  const rows: [string, string | undefined][] = [
    ['申报者', a.name],
    ['身份证号', a.idNumber],
    ['统一社会信用代码', a.creditCode],
    ['所在单位', a.employer],
    ['标准编号', a.standardNumber],
    ['标准名称', a.standardName],
    ['申报单位', a.applicantUnit],
  ];
  return html`<dl class="facts">${rows.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
<dt>完整性</dt><dd><span class="badge ${r.status === 'complete' ? 'ok' : 'bad'}">${r.status === 'complete' ? '完整' : '不完整'}</span></dd></dl>
${masked ? html`<p>身份证号和电话号码已按您的角色隐去部分数字。</p>` : ''}`;
}

function consultationSection(view: ApplicationView, csrf: string | undefined): Html {
  const c = view.consultation;
  const id = view.meta.applicationId;
  const rows = c.required.map(
    (d) => html`<tr><td>${departments[d]}</td><td>${c.opinions[d] ? opinionLabels[c.opinions[d]] : '未回复'}</td></tr>`,
  );
  const notRequired = (Object.keys(departments) as (keyof typeof departments)[]).filter((d) => !c.required.includes(d));
  return html`<h2>征求意见</h2>
${
  c.required.length === 0
    ? html`<p>尚未确定需征求意见的部门。</p>`
    : tableWrap(
        '征求意见',
        html`<table><thead><tr><th scope="col">部门</th><th scope="col">意见</th></tr></thead><tbody>${rows}</tbody></table>`,
      )
}
${
  view.canConsult && c.outstanding.length > 0
    ? html`<form class="stack" method="post" action="/applications/${id}/consultations" enctype="multipart/form-data">
${csrfField(csrf)}
<h3>录入部门意见</h3>
<label for="department">部门</label>
<select id="department" name="department" required>${c.outstanding.map((d) => html`<option value="${d}">${departments[d]}</option>`)}</select>
<fieldset><legend>意见</legend>
<label><input type="radio" name="opinion" value="no_objection" required> 无异议</label>
<label><input type="radio" name="opinion" value="adverse"> 有不同意见</label>
</fieldset>
<label for="summary">意见摘要（必填）</label>
<textarea id="summary" name="summary" rows="3" required></textarea>
<label for="evidence">回复的征求意见表（扫描件，必填）</label>
<input type="file" id="evidence" name="evidence" required>
<button type="submit" class="primary">记录意见</button>
</form>`
    : ''
}
${
  view.canConsult && notRequired.length > 0
    ? html`<form class="stack" method="post" action="/applications/${id}/consultations/departments">
${csrfField(csrf)}
<label for="add-department">增加需征求意见的部门</label>
<select id="add-department" name="department" required>${notRequired.map((d) => html`<option value="${d}">${departments[d]}</option>`)}</select>
<button type="submit" class="primary">增加部门</button>
</form>`
    : ''
}`;
}

function decisionForm(view: ApplicationView, csrf: string | undefined): Html {
  const stage = view.decisionStage;
  if (!stage) return html``;
  const id = view.meta.applicationId;
  return html`<h2>作出决定：${stages[stage as keyof typeof stages].name}</h2>
<form class="stack" method="post" action="/applications/${id}/decisions">
${csrfField(csrf)}
<input type="hidden" name="stage" value="${stage}">
<fieldset><legend>决定</legend>
<label><input type="radio" name="outcome" value="pass" required> 通过</label>
<label><input type="radio" name="outcome" value="reject"> 不通过</label>
</fieldset>
<label for="reason">理由（必填，不通过时即书面告知内容）</label>
<textarea id="reason" name="reason" rows="4" required></textarea>
${
  stage === 'COMPREHENSIVE_EVALUATION'
    ? html`<label for="score">综合评价得分（0–100）</label><input type="number" id="score" name="score" min="0" max="100" step="0.01">`
    : ''
}
<button type="submit" class="primary">记录决定</button>
</form>`;
}

/** One application: where it stands, its applicant (masked by role), its report, consultations and decision forms. */
export function applicationPage(frame: Frame, view: ApplicationView): Html {
  const m = view.meta;
  return layout(
    frame,
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${view.error ? html`<p class="alert" role="alert">${view.error}</p>` : ''}
<dl class="facts"><dt>申报编号</dt><dd><code>${m.applicationId}</code></dd>
<dt>奖项类别</dt><dd>${trackNames[m.track]}</dd>
<dt>推荐单位</dt><dd>${m.unitName || m.unitId}</dd>
<dt>当前阶段</dt><dd>${stages[m.stage].name}</dd>
<dt>状态</dt><dd>${statusLabels[m.status] ?? m.status}</dd>
${m.supersededBy ? html`<dt>取代它的申报</dt><dd><a href="/applications/${m.supersededBy}"><code>${m.supersededBy}</code></a>（更正后的材料包）</dd>` : ''}
${m.supersedes?.length ? html`<dt>本申报取代了</dt><dd>${m.supersedes.map((id, i) => html`${i > 0 ? '、' : ''}<a href="/applications/${id}"><code>${id}</code></a>`)}（此前提交、材料不完整）</dd>` : ''}
<dt>更新时间</dt><dd>${beijingTime(m.updatedAt)}</dd></dl>
${view.canSeeHistory ? html`<p><a href="/applications/${m.applicationId}/history">查看并核验履历</a></p>` : ''}
<h2>申报者</h2>
${view.report ? applicantFacts(view.report.report, view.report.masked) : html`<p>没有已保存的报告。</p>`}
${m.stage === 'CONSULTATION' || view.consultation.required.length > 0 ? consultationSection(view, frame.csrfToken) : ''}
${publicitySection(view.publicity.windows, view.publicity.now)}
${view.clock ? clockForm(view.clock, frame.csrfToken, `/applications/${m.applicationId}`) : ''}
${view.objections ? objectionSection({ applicationId: m.applicationId, ...view.objections }, frame.csrfToken) : ''}
${view.panels ? panelSection({ applicationId: m.applicationId, ...view.panels }, frame.csrfToken) : ''}
${view.finalisationHref ? html`<h2>${stages[m.stage].name}</h2><p>本阶段按年度统一排名确定结果：<a href="${view.finalisationHref}">查看年度评选结果与名额</a></p>` : ''}
${decisionForm(view, frame.csrfToken)}
${view.documents ? documentSections(view.documents) : ''}
<h2>材料完整性审核报告</h2>
<p><a href="/bundles/${m.bundleId}">材料包 ${m.bundleId}</a> ·
<a href="/bundles/${m.bundleId}/report.html" target="_blank" rel="noopener">在新窗口打开报告</a> ·
<a href="/applications/${m.applicationId}/report.json">下载报告 JSON</a></p>
<iframe class="report" src="/bundles/${m.bundleId}/report.html" title="材料完整性审核报告"></iframe>`,
  );
}
