import { html } from 'hono/html';
import { type Frame, type Html, layout, tableWrap } from './layout.js';
import { type ClockView, clockForm } from './publicitySection.js';

export interface ClockPageView {
  clock: ClockView;
  /** After a move: the applications the new time let go on, where they are now. */
  moved?: { applicationId: string; name: string; stage: string; status: string }[];
  /** The application page the reviewer came from. */
  back?: string;
  error?: string;
}

/** The reviewer's local clock: what it says, the form that moves it, and what the last move let go on. */
export function clockPage(frame: Frame, view: ClockPageView): Html {
  const moved = view.moved;
  return layout(
    frame,
    html`${view.error ? html`<p class="alert" role="alert">${view.error}</p>` : ''}
${
  moved
    ? html`<p class="notice" role="status">已调整本地时钟。${moved.length === 0 ? '没有申报因此继续流转。' : `${moved.length} 件申报继续流转：`}</p>
${
  moved.length > 0
    ? tableWrap(
        '继续流转的申报',
        html`<table><thead><tr><th scope="col">申报编号</th><th scope="col">名称</th><th scope="col">当前阶段</th><th scope="col">状态</th></tr></thead>
<tbody>${moved.map((m) => html`<tr><th scope="row"><a href="/applications/${m.applicationId}">${m.applicationId}</a></th><td>${m.name}</td><td>${m.stage}</td><td>${m.status}</td></tr>`)}</tbody></table>`,
      )
    : ''
}`
    : ''
}
${view.back ? html`<p><a href="${view.back}">返回申报</a></p>` : ''}
<p>本地运行时由本地时钟决定公示期是否届满；在正式环境中以实际时间为准，没有此功能。</p>
${clockForm(view.clock, frame.csrfToken, view.back)}`,
  );
}
