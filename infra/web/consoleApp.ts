import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { consoleCss, consoleJs, pageCsp } from '../consoleAssets.js';
import type { ConsoleBackend } from './consoleBackend.js';
import { renderHtml } from './pages/layout.js';
import { messagePage } from './pages/messagePage.js';
import { signInPage } from './pages/signInPage.js';
import { applicationRoutes, maxEvidenceBytes } from './routes/applicationRoutes.js';
import { documentRoutes } from './routes/documentRoutes.js';
import { expertPoolRoutes } from './routes/expertPoolRoutes.js';
import { finalisationRoutes } from './routes/finalisationRoutes.js';
import { historyRoutes } from './routes/historyRoutes.js';
import { listRoutes } from './routes/listRoutes.js';
import { panelRoutes } from './routes/panelRoutes.js';
import { publicityRoutes } from './routes/publicityRoutes.js';
import { type C, type ConsoleHono, type Env, type RouteKit, routeKit } from './routes/routeKit.js';
import { maxBundleBytes, unitRoutes } from './routes/unitRoutes.js';
import { type DirectUploads, uploadRoutes } from './routes/uploadRoutes.js';
import { csrfMatches, type Session, SessionStore, sessionCookie } from './sessions.js';
import type { ConsoleRole, ConsoleUser, ConsoleUsers } from './users.js';

/**
 * Who signs in, when not the users file (on AWS: Cognito, whose ID token API Gateway verified). `resolve` gives the
 * request's session (its CSRF token bound to the sign-in, with the user), nothing when no one is signed in, or
 * `forbidden` for a verified identity with no single console role.
 */
export interface ConsoleIdentity {
  resolve(c: C): Session | 'forbidden' | undefined;
  /** The sign-in and sign-out routes of this identity (in place of the users file's). */
  routes(app: ConsoleHono, kit: RouteKit): void;
}

export interface ConsoleOptions {
  backend: ConsoleBackend;
  /** The users file's sign-in (locally); required unless `identity` is given. */
  users?: Pick<ConsoleUsers, 'authenticate'>;
  identity?: ConsoleIdentity;
  /** Bundles go straight to object storage (on AWS: presigned multipart uploads to S3): mounts the upload routes. */
  directUploads?: DirectUploads;
  sessions?: SessionStore;
  /** Mark the session cookie Secure (behind HTTPS). Locally the console is plain HTTP on localhost. */
  secureCookies?: boolean;
}

const home: Record<ConsoleRole, string> = { recommending_unit: '/unit', reviewer: '/queue', auditor: '/applications' };

/**
 * The web console: every route of the three roles, each authorised here on the server (a hidden button is never
 * the only guard). Pages are server-rendered HTML in Chinese; forms that change something carry the session's CSRF
 * token; handlers read and act through the ConsoleBackend (the local runtime's records and actions).
 */
export function consoleApp(options: ConsoleOptions): Hono<Env> {
  const { backend, users, identity } = options;
  if (!users && !identity) throw new TypeError('the console needs users or an identity to sign in with');
  const sessions = options.sessions ?? new SessionStore();
  // The upload script PUTs parts to the object store's own origin (the page's script stays 'self' only).
  const csp = options.directUploads ? `${pageCsp}; connect-src 'self' ${options.directUploads.origin}` : pageCsp;
  const app = new Hono<Env>();

  const kit = routeKit(backend);
  const { frame, page } = kit;
  const startSession = (c: C, user?: ConsoleUser) => {
    const session = sessions.create(user);
    setCookie(c, sessionCookie, session.id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: options.secureCookies === true,
    });
    c.set('session', session);
    if (user) c.set('user', user);
    return session;
  };

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'SAMEORIGIN');
    c.header('Cache-Control', 'no-store');
    if (!c.res.headers.get('Content-Security-Policy')) c.header('Content-Security-Policy', csp);
  });

  app.use('*', async (c, next) => {
    if (identity) {
      const session = identity.resolve(c);
      if (session === 'forbidden') return kit.forbidden(c);
      if (session) c.set('session', session);
      if (session?.user) c.set('user', session.user);
      return next();
    }
    const session = sessions.get(getCookie(c, sessionCookie));
    if (session) {
      c.set('session', session);
      if (session.user) c.set('user', session.user);
    }
    await next();
  });

  // Body limits come before the CSRF check, which reads form bodies: a bundle up to 100 MB, any other form 20 MB.
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        (c.req.header('accept') ?? '').includes('application/json')
          ? c.json({ message: '文件过大：材料包最大 100 MB。' }, 413)
          : page(
              c as C,
              messagePage(frame(c as C, '上传未成功'), '文件过大：材料包最大 100 MB，征求意见表最大 20 MB。'),
              413,
            ),
    });
  const bundleLimit = limit(maxBundleBytes + 1024 * 1024);
  const formLimit = limit(maxEvidenceBytes + 1024 * 1024);
  app.post('*', (c, next) => (c.req.path === '/unit/bundles' ? bundleLimit : formLimit)(c, next));

  // Every POST carries the session's CSRF token (form field `csrf`, or the X-CSRF-Token header).
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const session = c.get('session');
    let token = c.req.header('x-csrf-token');
    if (!token && session) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
        const body = await c.req.parseBody();
        token = typeof body.csrf === 'string' ? body.csrf : undefined;
      }
    }
    if (!session || !csrfMatches(session, token))
      return page(
        c,
        messagePage(frame(c, '请求无效'), '页面已过期或请求来源不明，请刷新页面后重试。', {
          href: '/',
          label: '返回首页',
        }),
        403,
      );
    return next();
  });

  app.get('/static/console.css', (c) => c.body(consoleCss, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/static/console.js', (c) => c.body(consoleJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.get('/', (c) => {
    const user = c.get('user');
    return c.redirect(user ? home[user.role] : '/sign-in', 303);
  });

  if (identity) identity.routes(app, kit);
  else if (users) {
    app.get('/sign-in', (c) => {
      const user = c.get('user');
      if (user) return c.redirect(home[user.role], 303);
      const session = c.get('session') ?? startSession(c);
      return page(c, signInPage(session.csrfToken));
    });

    app.post('/sign-in', async (c) => {
      const body = await c.req.parseBody();
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const user = name && password ? await users.authenticate(name, password) : undefined;
      const old = c.get('session');
      if (!user) return page(c, signInPage(old?.csrfToken ?? '', '用户名或密码不正确。'), 401);
      if (old) sessions.end(old.id);
      startSession(c, user);
      return c.redirect(home[user.role], 303);
    });

    app.post('/sign-out', (c) => {
      const session = c.get('session');
      if (session) sessions.end(session.id);
      deleteCookie(c, sessionCookie, { path: '/' });
      return c.redirect('/sign-in', 303);
    });
  }

  if (options.directUploads) uploadRoutes(app, kit, options.directUploads);
  unitRoutes(app, kit);
  listRoutes(app, kit);
  applicationRoutes(app, kit);
  historyRoutes(app, kit);
  documentRoutes(app, kit);
  publicityRoutes(app, kit);
  panelRoutes(app, kit);
  finalisationRoutes(app, kit);
  expertPoolRoutes(app, kit);

  app.notFound((c) => kit.notFound(c as C));
  app.onError((error, c) => {
    process.stderr.write(`console error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return c.html(renderHtml(messagePage(frame(c as C, '出错了'), '服务器内部错误，请稍后重试。')), 500);
  });
  return app;
}
