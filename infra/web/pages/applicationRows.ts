import { html } from 'hono/html';
import { stages } from '../../../shared/domain/track/stage.js';
import { trackNames } from '../../../shared/domain/track/track.js';
import type { ApplicationMeta } from '../../../shared/records/recordsRepository.js';
import { beijingTime } from '../beijingTime.js';
import { statusLabels } from '../consoleLabels.js';
import { type Html, tableWrap } from './layout.js';

/** Applications as a table: name, track, unit, stage, status, last change; each name links to its page. */
export function applicationTable(caption: string, apps: readonly ApplicationMeta[], showUnit: boolean): Html {
  if (apps.length === 0) return html`<p>暂无申报。</p>`;
  const sorted = [...apps].sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
  return tableWrap(
    caption,
    html`<table><caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">申报</th><th scope="col">奖项类别</th>${showUnit ? html`<th scope="col">推荐单位</th>` : ''}<th scope="col">当前阶段</th><th scope="col">状态</th><th scope="col">更新时间</th></tr></thead>
<tbody>${sorted.map(
      (
        a,
      ) => html`<tr><td><a href="/applications/${a.applicationId}">${a.name}</a><br><code>${a.applicationId}</code></td>
<td>${trackNames[a.track]}</td>${showUnit ? html`<td>${a.unitName || a.unitId}</td>` : ''}
<td>${stages[a.stage].name}</td><td>${statusLabels[a.status] ?? a.status}${a.grade ? `（${a.grade}）` : ''}</td><td>${beijingTime(a.updatedAt)}</td></tr>`,
    )}</tbody></table>`,
  );
}
