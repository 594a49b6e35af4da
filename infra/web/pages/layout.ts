import { html } from 'hono/html';
import { roleLabels } from '../consoleLabels.js';
import type { ConsoleUser } from '../users.js';

export type Html = ReturnType<typeof html>;

/** The page as a string; pages are built from plain values only, so nothing in them is asynchronous. */
export function renderHtml(page: Html): string {
  if (page instanceof Promise) throw new TypeError('a page must not contain asynchronous parts');
  return page.toString();
}

export interface Frame {
  title: string;
  user?: ConsoleUser;
  csrfToken?: string;
}

const links: Record<ConsoleUser['role'], { href: string; label: string }[]> = {
  recommending_unit: [{ href: '/unit', label: '我的材料与申报' }],
  reviewer: [
    { href: '/queue', label: '待办任务' },
    { href: '/applications', label: '全部申报' },
    { href: '/finalisation', label: '年度评选结果' },
    { href: '/experts', label: '专家库' },
  ],
  auditor: [
    { href: '/applications', label: '申报与履历核验' },
    { href: '/experts', label: '专家库' },
  ],
};

/** The hidden CSRF field every form that changes something carries. */
export const csrfField = (token: string | undefined) => html`<input type="hidden" name="csrf" value="${token ?? ''}">`;

/** The page around every view: Chinese, a skip link, the role's menu and the sign-out form. */
export function layout(frame: Frame, body: Html): Html {
  const user = frame.user;
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · 吉林省质量奖评选工作平台</title>
<link rel="stylesheet" href="/static/console.css">
<script src="/static/console.js" defer></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top">
<p class="brand">吉林省质量奖评选工作平台</p>
${
  user
    ? html`<nav aria-label="主菜单"><ul>${links[user.role].map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul></nav>
<div class="who"><span>${user.name}（${roleLabels[user.role]}${user.unitId ? `：${user.unitId}` : ''}）</span>
<form method="post" action="/sign-out">${csrfField(frame.csrfToken)}<button type="submit" class="link">退出</button></form></div>`
    : ''
}
</header>
<main id="main">
<h1>${frame.title}</h1>
${body}
</main>
<footer><p>时间均为北京时间。</p></footer>
</body>
</html>`;
}

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export const tableWrap = (caption: string, table: Html) =>
  html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">${table}</div>`;
