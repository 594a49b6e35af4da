import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ActionError } from '../../shared/actions/actionError.js';
import { DecisionStage, decisionRoles } from '../../shared/actions/recordDecision.js';
import { Department } from '../../shared/domain/consultation/department.js';
import { Stage } from '../../shared/domain/track/stage.js';
import { Track } from '../../shared/domain/track/track.js';
import { score as parseScore } from '../local/valueChecks.js';
import { actorOf, reportFor, visibleApplication, visibleBundle } from './access.js';
import { consoleCss, consoleJs } from './consoleAssets.js';
import type { ConsoleBackend } from './consoleBackend.js';
import { applicationPage } from './pages/applicationPage.js';
import { applicationsPage } from './pages/applicationsPage.js';
import { bundlePage } from './pages/bundlePage.js';
import { historyPage } from './pages/historyPage.js';
import { type Frame, type Html, renderHtml } from './pages/layout.js';
import { messagePage } from './pages/messagePage.js';
import { signInPage } from './pages/signInPage.js';
import { taskQueuePage } from './pages/taskQueuePage.js';
import { unitHomePage } from './pages/unitHomePage.js';
import { csrfMatches, type Session, SessionStore, sessionCookie } from './sessions.js';
import type { ConsoleRole, ConsoleUser, ConsoleUsers } from './users.js';

export interface ConsoleOptions {
  backend: ConsoleBackend;
  users: Pick<ConsoleUsers, 'authenticate'>;
  sessions?: SessionStore;
  /** Mark the session cookie Secure (behind HTTPS). Locally the console is plain HTTP on localhost. */
  secureCookies?: boolean;
}

type Env = { Variables: { session?: Session; user?: ConsoleUser } };
type C = Context<Env>;

export const maxBundleBytes = 100 * 1024 * 1024;
const maxEvidenceBytes = 20 * 1024 * 1024;
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const pageCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; " +
  "frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";
/** The stored report is a document of its own with inline styles: no script, no network, sandboxed. */
const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";

const home: Record<ConsoleRole, string> = { recommending_unit: '/unit', reviewer: '/queue', auditor: '/applications' };

const notices: Record<string, string> = {
  opinion: '已记录部门意见。',
  departments: '已增加需征求意见的部门。',
  decision: '已记录决定。',
};

const OpinionForm = z.object({
  department: Department,
  opinion: z.enum(['no_objection', 'adverse']),
  summary: z.string().trim().min(1, '请填写意见摘要').max(2000),
});
const DecisionForm = z.object({
  stage: DecisionStage,
  outcome: z.enum(['pass', 'reject']),
  reason: z.string().trim().min(1, '请填写理由').max(4000),
  score: z.string().trim().optional(),
});

/** The HTTP status of a refused action. */
function statusOf(error: ActionError): 400 | 403 | 404 | 409 {
  if (error.code === 'INVALID_INPUT') return 400;
  if (error.code === 'FORBIDDEN_ROLE') return 403;
  if (error.code === 'UNKNOWN_APPLICATION') return 404;
  return 409;
}

/**
 * The web console: every route of the three roles, each authorised here on the server (a hidden button is never
 * the only guard). Pages are server-rendered HTML in Chinese; forms that change something carry the session's CSRF
 * token; handlers read and act through the ConsoleBackend (the local runtime's records and actions).
 */
export function consoleApp(options: ConsoleOptions): Hono<Env> {
  const { backend, users } = options;
  const sessions = options.sessions ?? new SessionStore();
  const app = new Hono<Env>();

  const frame = (c: C, title: string): Frame => {
    const session = c.get('session');
    const user = c.get('user');
    return { title, ...(user ? { user } : {}), ...(session ? { csrfToken: session.csrfToken } : {}) };
  };
  // A page is rendered to a string here, so every handler gets a Response, never a promise of one: requireUser's
  // `instanceof Response` is what stops an unauthorised request.
  const page = (c: C, body: Html, status: 200 | 400 | 401 | 403 | 404 | 409 | 413 = 200): Response =>
    c.html(renderHtml(body), status) as Response;
  const notFound = (c: C) => page(c, messagePage(frame(c, '未找到'), '没有这个页面，或您无权查看。'), 404);
  const forbidden = (c: C) => page(c, messagePage(frame(c, '无权操作'), '您的角色不能进行此操作。'), 403);
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
    if (!c.res.headers.get('Content-Security-Policy')) c.header('Content-Security-Policy', pageCsp);
  });

  app.use('*', async (c, next) => {
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

  /** The signed-in user when their role is one of `roles`; otherwise the response to send. */
  const requireUser = (c: C, roles: readonly ConsoleRole[]): ConsoleUser | Response => {
    // Every branch returns a Response synchronously (see `page`).
    const user = c.get('user');
    if (!user)
      return c.req.method === 'GET'
        ? c.redirect('/sign-in', 303)
        : page(c, messagePage(frame(c, '请先登录'), '请先登录。', { href: '/sign-in', label: '登录' }), 401);
    if (!roles.includes(user.role)) return forbidden(c);
    return user;
  };
  const everyone = ['recommending_unit', 'reviewer', 'auditor'] as const;

  app.get('/static/console.css', (c) => c.body(consoleCss, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/static/console.js', (c) => c.body(consoleJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.get('/', (c) => {
    const user = c.get('user');
    return c.redirect(user ? home[user.role] : '/sign-in', 303);
  });

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

  app.get('/unit', async (c) => {
    const user = requireUser(c, ['recommending_unit']);
    if (user instanceof Response) return user;
    const apps = await backend.applicationsOfUnit(user.unitId ?? '');
    const bundleIds = [...new Set(apps.map((a) => a.bundleId))];
    const bundles = (await Promise.all(bundleIds.map((id) => backend.bundle(id)))).filter((b) => b !== undefined);
    return page(c, unitHomePage(frame(c, '我的材料与申报'), bundles, apps));
  });

  app.post('/unit/bundles', async (c) => {
    const user = requireUser(c, ['recommending_unit']);
    if (user instanceof Response) return user;
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    const refuse = (status: 400 | 413, message: string) =>
      wantsJson
        ? c.json({ message }, status)
        : page(c, messagePage(frame(c, '上传未成功'), message, { href: '/unit', label: '返回' }), status);
    const body = await c.req.parseBody();
    const file = body.bundle;
    if (!(file instanceof File) || file.size === 0) return refuse(400, '请选择要上传的材料包文件（.zip 或 .iso）。');
    if (file.size > maxBundleBytes) return refuse(413, '材料包超过 100 MB。');
    const result = await backend.submit({
      unitId: user.unitId ?? '',
      actor: actorOf(user),
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    const location = `/bundles/${result.bundleId}`;
    return wantsJson ? c.json({ location, bundleId: result.bundleId }) : c.redirect(location, 303);
  });

  app.get('/bundles/:bundleId', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('bundleId');
    const bundle = idPattern.test(id) ? await visibleBundle(backend, user, id) : undefined;
    if (!bundle) return notFound(c);
    const apps = (await Promise.all(bundle.applicationIds.map((a) => backend.application(a)))).filter(
      (a) => a !== undefined,
    );
    const hasReport = (await backend.bundleReportHtml(bundle.bundleId)) !== undefined;
    return page(c, bundlePage(frame(c, '材料包'), bundle, apps, hasReport));
  });

  app.get('/bundles/:bundleId/report.html', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('bundleId');
    const bundle = idPattern.test(id) ? await visibleBundle(backend, user, id) : undefined;
    const report = bundle ? await backend.bundleReportHtml(bundle.bundleId) : undefined;
    if (!report) return notFound(c);
    c.header('Content-Security-Policy', reportCsp);
    return c.html(report);
  });

  app.get('/applications', async (c) => {
    const user = requireUser(c, ['reviewer', 'auditor']);
    if (user instanceof Response) return user;
    return page(
      c,
      applicationsPage(frame(c, user.role === 'auditor' ? '申报与履历核验' : '全部申报'), await backend.applications()),
    );
  });

  app.get('/queue', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const q = c.req.query();
    const track = Track.safeParse(q.track);
    const stage = Stage.safeParse(q.stage);
    const entries = await backend.queue();
    const units = [...new Set(entries.map((e) => e.meta.unitId))].sort();
    const filter = {
      ...(track.success ? { track: track.data } : {}),
      ...(stage.success ? { stage: stage.data } : {}),
      ...(q.unit && units.includes(q.unit) ? { unit: q.unit } : {}),
    };
    return page(c, taskQueuePage(frame(c, '待办任务'), entries, filter, units));
  });

  /** The application page, with a notice or the error of a refused form. */
  const showApplication = async (
    c: C,
    user: ConsoleUser,
    applicationId: string,
    error?: { status: 400 | 403 | 404 | 409; message: string },
  ) => {
    const meta = await visibleApplication(backend, user, applicationId);
    if (!meta) return notFound(c);
    const report = await reportFor(backend, user, applicationId);
    const allowed = (decisionRoles as Record<string, readonly string[]>)[meta.stage];
    const consultation = await backend.consultation(applicationId);
    // At 征求意见 a decision is only for an adverse opinion; otherwise the last opinion moves the application on.
    const consultationDecides = consultation.complete && consultation.adverse.length > 0;
    const canDecide =
      meta.status === 'ACTIVE' &&
      allowed?.includes(user.role) === true &&
      (meta.stage !== 'CONSULTATION' || consultationDecides);
    const notice = notices[c.req.query('done') ?? ''];
    const view = {
      meta,
      ...(report ? { report } : {}),
      consultation,
      ...(canDecide ? { decisionStage: meta.stage } : {}),
      canConsult: user.role === 'reviewer' && meta.stage === 'CONSULTATION',
      canSeeHistory: user.role !== 'recommending_unit',
      ...(notice && !error ? { notice } : {}),
      ...(error ? { error: error.message } : {}),
    };
    return page(c, applicationPage(frame(c, meta.name || meta.applicationId), view), error?.status ?? 200);
  };

  app.get('/applications/:id', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    return idPattern.test(id) ? showApplication(c, user, id) : notFound(c);
  });

  app.get('/applications/:id/report.json', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    const meta = idPattern.test(id) ? await visibleApplication(backend, user, id) : undefined;
    const report = meta ? await reportFor(backend, user, id) : undefined;
    if (!report) return notFound(c);
    c.header('Content-Disposition', `attachment; filename="${id}-report.json"`);
    return c.json({ applicationId: id, masked: report.masked, report: report.report });
  });

  /** Runs a form's action on a visible application; a refusal re-renders the page with the reason. */
  const act = async (c: C, user: ConsoleUser, id: string, done: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      return showApplication(c, user, id, {
        status: statusOf(error),
        message: `操作未完成（${error.code}）：${error.message}`,
      });
    }
    return c.redirect(`/applications/${id}?done=${done}`, 303);
  };
  const invalid = (c: C, user: ConsoleUser, id: string, message: string) =>
    showApplication(c, user, id, { status: 400, message: `填写有误：${message}` });

  app.post('/applications/:id/consultations', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const body = await c.req.parseBody();
    const form = OpinionForm.safeParse(body);
    if (!form.success) return invalid(c, user, id, form.error.issues[0]?.message ?? '');
    const evidence = body.evidence;
    if (!(evidence instanceof File) || evidence.size === 0) return invalid(c, user, id, '请上传回复的征求意见表');
    if (evidence.size > maxEvidenceBytes) return invalid(c, user, id, '征求意见表文件超过 20 MB');
    const bytes = new Uint8Array(await evidence.arrayBuffer());
    return act(c, user, id, 'opinion', () =>
      backend.recordOpinion({
        actor: actorOf(user),
        applicationId: id,
        ...form.data,
        evidence: { name: evidence.name, bytes },
      }),
    );
  });

  app.post('/applications/:id/consultations/departments', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const department = Department.safeParse((await c.req.parseBody()).department);
    if (!department.success) return invalid(c, user, id, '请选择部门');
    return act(c, user, id, 'departments', () =>
      backend.requireDepartments({ actor: actorOf(user), applicationId: id, departments: [department.data] }),
    );
  });

  app.post('/applications/:id/decisions', async (c) => {
    const user = requireUser(c, ['reviewer', 'recommending_unit']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const form = DecisionForm.safeParse(await c.req.parseBody());
    if (!form.success) return invalid(c, user, id, form.error.issues[0]?.message ?? '');
    let score: number | undefined;
    if (form.data.score) {
      const parsed = parseScore(form.data.score);
      if (!parsed.ok) return invalid(c, user, id, '得分应为 0–100 的数字，最多两位小数');
      score = parsed.value;
    }
    const { stage, outcome, reason } = form.data;
    return act(c, user, id, 'decision', () =>
      backend.decide({
        actor: actorOf(user),
        applicationId: id,
        stage,
        outcome,
        reasons: reason,
        ...(score === undefined ? {} : { score }),
      }),
    );
  });

  const historyRoute = (format: 'page' | 'json' | 'csv') => async (c: C) => {
    const user = requireUser(c, ['reviewer', 'auditor']);
    if (user instanceof Response) return user;
    const id = c.req.param('id') ?? '';
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    if (format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="${id}-history.csv"`);
      return c.body(await backend.historyCsv(actorOf(user), id), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const exported = await backend.history(actorOf(user), id, 'json');
    if (format === 'json') {
      c.header('Content-Disposition', `attachment; filename="${id}-history.json"`);
      return c.json(exported);
    }
    return page(c, historyPage(frame(c, `履历：${id}`), exported));
  };
  app.get('/applications/:id/history', historyRoute('page'));
  app.get('/applications/:id/history.json', historyRoute('json'));
  app.get('/applications/:id/history.csv', historyRoute('csv'));

  app.notFound((c) => notFound(c as C));
  app.onError((error, c) => {
    process.stderr.write(`console error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return c.html(renderHtml(messagePage(frame(c as C, '出错了'), '服务器内部错误，请稍后重试。')), 500);
  });
  return app;
}
