import { html } from 'hono/html';
import type { Objector } from '../../../shared/actions/objectorIdentity.js';
import { stages } from '../../../shared/domain/track/stage.js';
import { beijingTime } from '../beijingTime.js';
import type { ObjectionView } from '../stageBackend.js';
import { csrfField, type Html, tableWrap } from './layout.js';

export interface ObjectionSectionView {
  applicationId: string;
  /** Masked already when the reader's role must not see identity and phone numbers. */
  objections: readonly ObjectionView[];
  masked: boolean;
  /** The publicity stage whose open window a written objection may be recorded in now (reviewer only). */
  lodgeStage?: string;
  /** Whether this reader may resolve the open ones (reviewer). */
  canResolve: boolean;
}

const statusLabels: Record<ObjectionView['status'], string> = {
  OPEN: '待处理（申报已暂停）',
  NOT_ADMISSIBLE: '不予受理',
  UPHELD: '异议成立',
  DISMISSED: '异议不成立',
};

function objectorText(o: Objector): string {
  if (o.kind === 'anonymous') return '匿名';
  if (o.kind === 'person')
    return `个人：${o.name || '（未署名）'}，身份证号 ${o.idNumber || '（未提供）'}${o.phone ? `，电话 ${o.phone}` : ''}`;
  return `单位：${o.unitName || '（未署名）'}${o.contactName ? `，联系人 ${o.contactName}` : ''}，联系方式 ${o.contact || '（未提供）'}`;
}

function admissibility(o: ObjectionView): Html {
  return o.admissible
    ? html`<span class="badge ok">受理</span>`
    : html`<span class="badge bad">不予受理</span> ${o.inadmissibleReason ?? ''}`;
}

function outcome(o: ObjectionView): Html {
  const r = o.resolution;
  if (!r) return html`${statusLabels[o.status]}`;
  return html`${statusLabels[o.status]}：${r.reasons}<br><small>${beijingTime(r.at)}，${r.actor}</small>`;
}

function lodgeForm(v: ObjectionSectionView, csrf: string | undefined): Html {
  if (!v.lodgeStage) return html``;
  return html`<form class="stack" method="post" action="/applications/${v.applicationId}/objections" enctype="multipart/form-data">
${csrfField(csrf)}
<input type="hidden" name="stage" value="${v.lodgeStage}">
<h3>记录公示期内收到的书面异议</h3>
<fieldset><legend>异议人</legend>
<label><input type="radio" name="objectorKind" value="person" required> 个人（实名）</label>
<label><input type="radio" name="objectorKind" value="unit"> 单位</label>
<label><input type="radio" name="objectorKind" value="anonymous"> 匿名（记录但不予受理）</label>
</fieldset>
<fieldset class="stack"><legend>个人异议（须姓名和有效身份证号）</legend>
<label for="obj-name">姓名</label><input type="text" id="obj-name" name="personName" autocomplete="off">
<label for="obj-id">身份证号</label><input type="text" id="obj-id" name="idNumber" autocomplete="off">
<label for="obj-phone">电话（可选）</label><input type="text" id="obj-phone" name="phone" autocomplete="off">
</fieldset>
<fieldset class="stack"><legend>单位异议（须单位名称和联系方式）</legend>
<label for="obj-unit">单位名称</label><input type="text" id="obj-unit" name="unitName" autocomplete="off">
<label for="obj-contact-name">联系人（可选）</label><input type="text" id="obj-contact-name" name="contactName" autocomplete="off">
<label for="obj-contact">联系方式</label><input type="text" id="obj-contact" name="contact" autocomplete="off">
</fieldset>
<label for="obj-content">异议内容（必填）</label>
<textarea id="obj-content" name="content" rows="4" required></textarea>
<label for="obj-evidence">书面异议材料（扫描件，可选）</label>
<input type="file" id="obj-evidence" name="evidence">
<button type="submit" class="primary">记录异议</button>
</form>`;
}

function resolveForm(v: ObjectionSectionView, csrf: string | undefined): Html {
  const open = v.objections.filter((o) => o.status === 'OPEN');
  if (!v.canResolve || open.length === 0) return html``;
  return html`<form class="stack" method="post" action="/applications/${v.applicationId}/objections/resolve" enctype="multipart/form-data">
${csrfField(csrf)}
<h3>处理异议</h3>
<label for="resolve-id">异议编号</label>
<select id="resolve-id" name="objectionId" required>${open.map((o) => html`<option value="${o.objectionId}">${o.objectionId}（${beijingTime(o.lodgedAt)}）</option>`)}</select>
<fieldset><legend>处理结果</legend>
<label><input type="radio" name="outcome" value="dismissed" required> 异议不成立，继续评选</label>
<label><input type="radio" name="outcome" value="upheld"> 异议成立，不予授奖</label>
</fieldset>
<label for="resolve-reason">处理理由（必填）</label>
<textarea id="resolve-reason" name="reason" rows="3" required></textarea>
<label for="resolve-evidence">核查材料（可选）</label>
<input type="file" id="resolve-evidence" name="evidence">
<button type="submit" class="primary">记录处理结果</button>
</form>`;
}

/** The objections lodged in the application's windows, and the reviewer's forms to record and resolve them. */
export function objectionSection(v: ObjectionSectionView, csrf: string | undefined): Html {
  if (v.objections.length === 0 && !v.lodgeStage) return html``;
  return html`<h2>异议</h2>
${
  v.objections.length === 0
    ? html`<p>公示期内尚未收到异议。</p>`
    : tableWrap(
        '异议',
        html`<table><thead><tr><th scope="col">编号</th><th scope="col">公示</th><th scope="col">收到时间</th><th scope="col">异议人</th><th scope="col">内容</th><th scope="col">受理</th><th scope="col">处理结果</th></tr></thead>
<tbody>${v.objections.map(
          (o) => html`<tr><th scope="row"><code>${o.objectionId}</code></th><td>${stages[o.stage].name}</td>
<td>${beijingTime(o.lodgedAt)}</td><td>${objectorText(o.objector)}</td>
<td>${o.content}${o.evidence > 0 ? html`<br><small>附书面材料 ${o.evidence} 份</small>` : ''}</td>
<td>${admissibility(o)}</td><td>${outcome(o)}</td></tr>`,
        )}</tbody></table>`,
      )
}
${v.masked && v.objections.length > 0 ? html`<p>异议人的身份证号和电话号码已按您的角色隐去部分数字。</p>` : ''}
${lodgeForm(v, csrf)}
${resolveForm(v, csrf)}`;
}
