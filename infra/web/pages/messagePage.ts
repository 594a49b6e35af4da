import { html } from 'hono/html';
import { type Frame, type Html, layout } from './layout.js';

/** A page that only says something: not found, not allowed, a refused action. */
export function messagePage(frame: Frame, message: string, back?: { href: string; label: string }): Html {
  return layout(
    frame,
    html`<p class="alert" role="alert">${message}</p>${back ? html`<p><a href="${back.href}">${back.label}</a></p>` : ''}`,
  );
}
