import type { Context, Hono } from 'hono';
import type { ActionError } from '../../../shared/actions/actionError.js';
import type { ConsoleBackend } from '../consoleBackend.js';
import { type Frame, type Html, renderHtml } from '../pages/layout.js';
import { messagePage } from '../pages/messagePage.js';
import type { Session } from '../sessions.js';
import type { ConsoleRole, ConsoleUser } from '../users.js';

export type Env = { Variables: { session?: Session; user?: ConsoleUser } };
export type C = Context<Env>;
export type ConsoleHono = Hono<Env>;
export type PageStatus = 200 | 400 | 401 | 403 | 404 | 409 | 413;

/** An id in a path: the form the intake gives, never a path or a pattern. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const everyone = ['recommending_unit', 'reviewer', 'auditor'] as const;

/** The HTTP status of a refused action. */
export function statusOf(error: ActionError): 400 | 403 | 404 | 409 {
  if (error.code === 'INVALID_INPUT') return 400;
  if (error.code === 'FORBIDDEN_ROLE') return 403;
  if (error.code === 'UNKNOWN_APPLICATION') return 404;
  return 409;
}

/** What every route module uses: the backend, the page frame, rendering and the server-side role check. */
export interface RouteKit {
  backend: ConsoleBackend;
  frame(c: C, title: string): Frame;
  /** Renders to a string, so every handler gets a Response, never a promise of one. */
  page(c: C, body: Html, status?: PageStatus): Response;
  notFound(c: C): Response;
  forbidden(c: C): Response;
  /** The signed-in user when their role is one of `roles`; otherwise the response to send. */
  requireUser(c: C, roles: readonly ConsoleRole[]): ConsoleUser | Response;
}

export function routeKit(backend: ConsoleBackend): RouteKit {
  const frame = (c: C, title: string): Frame => {
    const session = c.get('session');
    const user = c.get('user');
    return { title, ...(user ? { user } : {}), ...(session ? { csrfToken: session.csrfToken } : {}) };
  };
  const page = (c: C, body: Html, status: PageStatus = 200): Response => c.html(renderHtml(body), status) as Response;
  const forbidden = (c: C) => page(c, messagePage(frame(c, '无权操作'), '您的角色不能进行此操作。'), 403);
  return {
    backend,
    frame,
    page,
    forbidden,
    notFound: (c) => page(c, messagePage(frame(c, '未找到'), '没有这个页面，或您无权查看。'), 404),
    requireUser(c, roles) {
      const user = c.get('user');
      if (!user)
        return c.req.method === 'GET'
          ? (c.redirect('/sign-in', 303) as Response)
          : page(c, messagePage(frame(c, '请先登录'), '请先登录。', { href: '/sign-in', label: '登录' }), 401);
      if (!roles.includes(user.role)) return forbidden(c);
      return user;
    },
  };
}
