import { html } from 'hono/html';
import { stages } from '../../../shared/domain/track/stage.js';
import { trackNames } from '../../../shared/domain/track/track.js';
import { beijingTime } from '../beijingTime.js';
import type { QueueEntry } from '../consoleBackend.js';
import { awaitingLabels, statusLabels } from '../consoleLabels.js';
import { type QueueFilter, shownQueue } from '../queueView.js';
import { type Frame, type Html, layout, tableWrap } from './layout.js';

const whoLabels: Record<string, string> = {
  reviewer: '评选表彰办公室',
  recommending_unit: '推荐单位',
  clock: '公示期满后自动继续',
  runtime: '系统（可继续）',
};

function select(name: string, label: string, options: [string, string][], current: string | undefined): Html {
  return html`<div><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">
<option value="">全部</option>${options.map(([v, l]) => html`<option value="${v}" ${v === current ? 'selected' : ''}>${l}</option>`)}
</select></div>`;
}

/** What awaits whom: overdue first, then by deadline; filters by track, unit and stage. */
export function taskQueuePage(
  frame: Frame,
  entries: readonly QueueEntry[],
  filter: QueueFilter,
  units: string[],
): Html {
  const shown = shownQueue(entries, filter);
  const query = new URLSearchParams(Object.entries(filter)).toString();
  return layout(
    frame,
    html`<form class="filters" method="get" action="/queue">
${select('track', '奖项类别', Object.entries(trackNames), filter.track)}
${select(
  'unit',
  '推荐单位',
  units.map((u) => [u, u]),
  filter.unit,
)}
${select(
  'stage',
  '阶段',
  Object.entries(stages).map(([k, v]) => [k, v.name]),
  filter.stage,
)}
<button type="submit" class="primary">筛选</button>
</form>
<p class="exports">导出当前列表：<a href="/queue.csv${query ? `?${query}` : ''}" download>CSV</a> · <a href="/queue.xlsx${query ? `?${query}` : ''}" download>Excel</a></p>
<p>共 ${shown.length} 项待办${shown.some((e) => e.overdue) ? html`，其中 <strong>${shown.filter((e) => e.overdue).length}</strong> 项已超期` : ''}。</p>
${
  shown.length === 0
    ? html`<p>没有待办事项。</p>`
    : tableWrap(
        '待办任务',
        html`<table><thead><tr><th scope="col">申报</th><th scope="col">推荐单位</th><th scope="col">阶段</th><th scope="col">等待</th><th scope="col">由谁办理</th><th scope="col">开始等待</th><th scope="col">期限</th></tr></thead>
<tbody>${shown.map(
          (
            e,
          ) => html`<tr class="${e.overdue ? 'overdue' : ''}"><td><a href="/applications/${e.meta.applicationId}">${e.meta.name}</a><br><code>${e.meta.applicationId}</code></td>
<td>${e.meta.unitName || e.meta.unitId}</td>
<td>${stages[e.meta.stage].name}${e.meta.status === 'PAUSED' ? html`<br><span class="badge warn">${statusLabels.PAUSED}</span>` : ''}</td>
<td>${e.awaiting ? awaitingLabels[e.awaiting] : e.started ? '可继续' : '材料不完整，待重新提交'}</td>
<td>${whoLabels[e.who] ?? e.who}</td>
<td>${beijingTime(e.since)}</td>
<td>${beijingTime(e.due)}${e.overdue ? html` <span class="badge bad">已超期</span>` : ''}</td></tr>`,
        )}</tbody></table>`,
      )
}`,
  );
}
