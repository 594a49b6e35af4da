import { html } from 'hono/html';
import { stages } from '../../../shared/domain/track/stage.js';
import { beijingTime } from '../beijingTime.js';
import type { PublicityView } from '../stageBackend.js';
import { csrfField, type Html, tableWrap } from './layout.js';

/** The local clock as the reviewer sees it (only where the backend has one). */
export interface ClockView {
  now: string;
  /** A person set it (else it follows the system time). */
  fixed: boolean;
}

function windowState(w: PublicityView, now: string): string {
  if (w.open) return '公示中';
  return Date.parse(now) < Date.parse(w.opensAt) ? '未开始' : '已期满';
}

/**
 * The 公示 windows opened for the application: dates in Beijing time and the length in Chinese working days
 * (statutory holidays off, 调休 working days on), open or closed by the backend's clock.
 */
export function publicitySection(windows: readonly PublicityView[], now: string): Html {
  if (windows.length === 0) return html``;
  return html`<h2>公示</h2>
${tableWrap(
  '公示',
  html`<table><thead><tr><th scope="col">公示</th><th scope="col">公示期（工作日）</th><th scope="col">开始</th><th scope="col">截止</th><th scope="col">状态</th></tr></thead>
<tbody>${windows.map(
    (w) => html`<tr><th scope="row">${stages[w.stage].name}</th>
<td>${w.firstDay} 至 ${w.lastDay}，共 ${w.workingDays} 个工作日</td>
<td>${beijingTime(w.opensAt)}</td><td>${beijingTime(w.closesAt)}</td>
<td><span class="badge ${w.open ? 'warn' : 'ok'}">${windowState(w, now)}</span></td></tr>`,
  )}</tbody></table>`,
)}
<p>工作日按国家法定节假日安排计算（节假日不计，调休上班日计入）；截止时刻为最后一个工作日的 24:00（北京时间），期满且无未处理的异议后自动进入下一阶段。</p>`;
}

/**
 * The reviewer's 本地时钟 form (local runtime only): moving the clock is what closes publicity windows there.
 * `back` is where the result page links back to.
 */
export function clockForm(clock: ClockView, csrf: string | undefined, back?: string): Html {
  return html`<form class="stack" method="post" action="/clock">
${csrfField(csrf)}
${back ? html`<input type="hidden" name="back" value="${back}">` : ''}
<h3>本地时钟</h3>
<p>本地时钟现在是 <strong>${beijingTime(clock.now)}</strong>（${clock.fixed ? '已人工设定' : '跟随系统时间'}）。调整后，公示期已满的申报会自动继续。</p>
<fieldset><legend>调整方式</legend>
<label><input type="radio" name="mode" value="workingDays" required> 向后推若干个工作日</label>
<label><input type="radio" name="mode" value="calendarDays"> 向后推若干个自然日</label>
<label><input type="radio" name="mode" value="set"> 调至指定时间</label>
</fieldset>
<label for="clock-days">天数（推后时填写，1–365）</label>
<input type="number" id="clock-days" name="days" min="1" max="365" step="1">
<label for="clock-at">指定时间（北京时间，调至指定时间时填写）</label>
<input type="datetime-local" id="clock-at" name="at">
<button type="submit" class="primary">调整本地时钟</button>
</form>`;
}
