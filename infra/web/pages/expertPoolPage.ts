import { html } from 'hono/html';
import type { ExpertRecord } from '../../../shared/records/recordsRepository.js';
import { csrfField, type Frame, type Html, layout, tableWrap } from './layout.js';

export interface ExpertPoolView {
  poolId: string;
  experts: ExpertRecord[];
  /** Whether this reader may load a pool file (the office reviewer). */
  canLoad: boolean;
  notice?: string;
  error?: string;
}

const list = (value: unknown) => (Array.isArray(value) ? value.join('、') : '');

/** The expert pool: its experts (tracks, industry groups, declared conflicts) and, for the office, loading a file. */
export function expertPoolPage(frame: Frame, view: ExpertPoolView): Html {
  return layout(
    frame,
    html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${view.error ? html`<p class="alert" role="alert">${view.error}</p>` : ''}
<p>随机抽取评审专家时从专家库 <code>${view.poolId}</code> 中抽取（回避申报者所在单位和推荐单位的专家）。现有专家 ${view.experts.length} 名。</p>
${
  view.experts.length === 0
    ? html`<p>专家库为空。</p>`
    : tableWrap(
        '专家库',
        html`<table><thead><tr><th scope="col">编号</th><th scope="col">姓名</th><th scope="col">单位</th><th scope="col">评审类别</th><th scope="col">行业组</th><th scope="col">申报回避</th></tr></thead>
<tbody>${view.experts.map(
          (e) =>
            html`<tr><td><code>${e.expertId}</code></td><td>${e.name}</td><td>${e.unit}</td><td>${list(e.attributes.tracks)}</td><td>${list(e.attributes.industryGroups)}</td><td>${list(e.attributes.declaredConflicts)}</td></tr>`,
        )}</tbody></table>`,
      )
}
${
  view.canLoad
    ? html`<form class="stack" method="post" action="/experts" enctype="multipart/form-data">
${csrfField(frame.csrfToken)}
<h2>载入专家库文件</h2>
<p>JSON 文件，格式同 <code>examples/experts.json</code>：<code>poolId</code> 和 <code>experts</code>（每名专家的编号、姓名、单位、评审类别、行业组、申报回避）。同一编号再次载入即更新该专家；已完成的抽取不受影响（每次抽取都保存了当时的专家库快照）。</p>
<label for="pool-file">专家库文件（.json）</label>
<input type="file" id="pool-file" name="pool" accept=".json,application/json" required>
<button type="submit" class="primary">载入专家库</button>
</form>`
    : ''
}`,
  );
}
