import { html } from 'hono/html';
import { findingTitles } from '../../../shared/report/reportLabels.js';
import type { ApplicationDocuments, ConsoleDocument, DocumentGroup } from '../documentBackend.js';
import { findingsSection } from './findingsSection.js';
import { type Html, tableWrap } from './layout.js';

export type { ApplicationDocuments as DocumentsView } from '../documentBackend.js';

const groupTitles: Record<DocumentGroup, string> = {
  application: '本申报的文件',
  recommendingUnit: '推荐单位的文件',
  unassigned: '未归属任何申报的文件',
};

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What may be done with a document: view (a PDF the browser shows), download, or nothing when it was not kept. */
function actions(applicationId: string, d: ConsoleDocument): Html {
  const base = `/applications/${applicationId}/documents/${d.index}`;
  const name = d.path.split('/').at(-1) ?? d.path;
  if (d.delivery === 'not-stored')
    return d.caution
      ? html`未保存，不提供下载：${d.caution.map((c) => findingTitles[c]).join('、')}，检查时未解包`
      : html`未保存，不提供下载：检查时未能读取（超出限制或已损坏）`;
  // Each link's name says which file it is for, since every row has the same two words.
  const download = html`<a href="${base}/download" aria-label="下载：${name}">下载</a>`;
  if (d.delivery === 'inline') return html`<a href="${base}" aria-label="在线查看：${name}">在线查看</a> · ${download}`;
  return d.caution
    ? html`${download}<br><span class="caution">文件名或类型不可信（${d.caution.map((c) => findingTitles[c]).join('、')}），仅可下载原始文件，请勿直接打开</span>`
    : download;
}

/** The application's bundle files: name as uploaded, material type, pages, size, and view/download links. */
export function documentsSection(view: ApplicationDocuments): Html {
  const groups = (['application', 'recommendingUnit', 'unassigned'] as const)
    .map((group) => ({ group, docs: view.documents.filter((d) => d.group === group) }))
    .filter((g) => g.docs.length > 0);
  return html`<h2>申报材料文件</h2>
${view.masked ? html`<p>文件名和问题说明中的身份证号、电话号码已按您的角色隐去部分数字。</p>` : ''}
${
  groups.length === 0
    ? html`<p>没有可列出的文件。</p>`
    : groups.map(
        ({ group, docs }) => html`<h3>${groupTitles[group]}</h3>
${tableWrap(
  groupTitles[group],
  html`<table><thead><tr><th scope="col">文件（上传时的名称）</th><th scope="col">材料类型</th><th scope="col">页数</th><th scope="col">大小</th><th scope="col">查看与下载</th></tr></thead>
<tbody>${docs.map(
    (
      d,
    ) => html`<tr><td class="file">${d.path}</td><td>${d.materialName}</td><td>${d.pageCount > 0 ? d.pageCount : '—'}</td>
<td>${size(d.size)}</td><td>${actions(view.applicationId, d)}</td></tr>`,
  )}</tbody></table>`,
)}`,
      )
}`;
}

/** The findings linked to the documents, then the documents: what the application page shows of its bundle. */
export const documentSections = (view: ApplicationDocuments): Html =>
  html`${findingsSection(view)}
${documentsSection(view)}`;
