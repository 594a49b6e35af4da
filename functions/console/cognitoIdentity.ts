import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { consoleEdge } from '../../infra/consoleEdge.js';
import type { ConsoleIdentity } from '../../infra/web/consoleApp.js';
import { renderHtml } from '../../infra/web/pages/layout.js';
import { messagePage } from '../../infra/web/pages/messagePage.js';
import type { C } from '../../infra/web/routes/routeKit.js';
import type { Session } from '../../infra/web/sessions.js';
import { type ConsoleRole, type ConsoleUser, userNamePattern } from '../../infra/web/users.js';

/**
 * The cookie holding the Cognito ID token (httpOnly, Secure, `__Host-`: this origin only) and the header CloudFront's
 * viewer-request function copies it into for API Gateway's JWT authorizer (infra/consoleEdge.ts).
 */
export const { idTokenCookie, idTokenHeader } = consoleEdge;
/** The state and PKCE verifier of a sign-in under way (10 minutes). */
const loginCookie = '__Host-award_login';

/** The Cognito group of each console role. */
export const roleGroups: Record<string, ConsoleRole> = {
  unit: 'recommending_unit',
  reviewer: 'reviewer',
  auditor: 'auditor',
};

/** The claims API Gateway's JWT authorizer passes on (payload 2.0: arrays arrive as "[a b]" strings). */
export type JwtClaims = Record<string, string | number | boolean | string[] | undefined>;

/** `cognito:groups` as API Gateway passes it on ("[unit reviewer]") or as a JSON array. */
export function groupsOf(claim: JwtClaims[string]): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/**
 * Who the verified ID token says is signing in: the Cognito user name, the one console role of their groups, and for a
 * unit its `custom:unitId` (written by the office only). No role group, several, an access token, or a unit without a
 * valid unit id: 'forbidden'.
 */
export function userOfClaims(claims: JwtClaims): ConsoleUser | 'forbidden' {
  if (claims.token_use !== 'id') return 'forbidden';
  const name = claims['cognito:username'];
  if (typeof name !== 'string' || !name) return 'forbidden';
  const roles = [...new Set(groupsOf(claims['cognito:groups']).flatMap((g) => (roleGroups[g] ? [roleGroups[g]] : [])))];
  if (roles.length !== 1) return 'forbidden';
  const role = roles[0] as ConsoleRole;
  if (role !== 'recommending_unit') return { name, role };
  const unitId = claims['custom:unitId'];
  if (typeof unitId !== 'string' || !userNamePattern.test(unitId)) return 'forbidden';
  return { name, role, unitId };
}

/**
 * The CSRF token of one sign-in: HMAC-SHA256 of the token's `sub` and `iat` under the console's key (Secrets Manager).
 * Nothing is kept in the Lambda's memory: any instance recomputes it from the verified claims, a new sign-in gives a
 * new token, and without the key no one can compute it for someone else's sign-in.
 */
export function csrfTokenOf(key: Uint8Array, claims: JwtClaims): string {
  return createHmac('sha256', key)
    .update(`${String(claims.sub)}.${String(claims.iat)}`)
    .digest('base64url');
}

export interface CognitoIdentityOptions {
  /** The Cognito domain, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  authBaseUrl: string;
  clientId: string;
  /** The console's own origin (the CloudFront distribution), `https://…`: where Cognito sends the browser back. */
  consoleOrigin: string;
  /** The CSRF key, loaded before any request with claims is handled (handler.ts). */
  csrfKey: () => Uint8Array;
  /** The token endpoint call (tests replace it). */
  fetch?: typeof fetch;
}

interface RequestContextEnv {
  requestContext?: { authorizer?: { jwt?: { claims?: JwtClaims } } };
}

/** The verified claims of this request, when the route has the JWT authorizer and it accepted a token. */
export function claimsOf(c: C): JwtClaims | undefined {
  return (c.env as RequestContextEnv | undefined)?.requestContext?.authorizer?.jwt?.claims;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');
const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Sign-in with Cognito's hosted login (authorization code with PKCE, a public app client: no client secret to keep,
 * the verifier never leaves this server and the browser's httpOnly cookie). `/sign-in` sends the browser to Cognito,
 * `/auth/callback` exchanges the code for the ID token and keeps it in an httpOnly cookie, `/sign-out` drops it and
 * ends the Cognito session too, `/signed-out` says so.
 */
export function cognitoIdentity(options: CognitoIdentityOptions): ConsoleIdentity {
  const callback = `${options.consoleOrigin}/auth/callback`;
  const doFetch = options.fetch ?? fetch;
  const cookie = { httpOnly: true, secure: true, path: '/' } as const;

  return {
    resolve(c) {
      const claims = claimsOf(c);
      if (!claims) return undefined;
      const user = userOfClaims(claims);
      if (user === 'forbidden') return 'forbidden';
      const session: Session = {
        id: String(claims.sub),
        csrfToken: csrfTokenOf(options.csrfKey(), claims),
        expiresAt: Number(claims.exp) * 1000,
        user,
      };
      return session;
    },
    routes(app, kit) {
      app.get('/sign-in', (c) => {
        const state = base64url(randomBytes(16));
        const verifier = base64url(randomBytes(32));
        const challenge = base64url(createHash('sha256').update(verifier).digest());
        // Lax, not Strict: Cognito's redirect back is a navigation from another site, and must carry it.
        setCookie(c, loginCookie, `${state}.${verifier}`, { ...cookie, sameSite: 'Lax', maxAge: 600 });
        const query = new URLSearchParams({
          response_type: 'code',
          client_id: options.clientId,
          redirect_uri: callback,
          scope: 'openid',
          state,
          code_challenge: challenge,
          code_challenge_method: 'S256',
        });
        return c.redirect(`${options.authBaseUrl}/oauth2/authorize?${query}`, 303);
      });

      app.get('/auth/callback', async (c) => {
        const refuse = () =>
          kit.page(
            c,
            messagePage(kit.frame(c, '登录未成功'), '登录未完成或已过期，请重新登录。', {
              href: '/sign-in',
              label: '重新登录',
            }),
            400,
          );
        const [state, verifier] = (getCookie(c, loginCookie) ?? '').split('.');
        const code = c.req.query('code');
        const returned = c.req.query('state');
        deleteCookie(c, loginCookie, cookie);
        if (!state || !verifier || !code || !returned || !equal(state, returned)) return refuse();
        const response = await doFetch(`${options.authBaseUrl}/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: options.clientId,
            code,
            redirect_uri: callback,
            code_verifier: verifier,
          }).toString(),
        });
        const tokens = (response.ok ? await response.json() : {}) as { id_token?: unknown; expires_in?: unknown };
        if (typeof tokens.id_token !== 'string') return refuse();
        const maxAge = typeof tokens.expires_in === 'number' ? tokens.expires_in : 3600;
        // Lax: the first page after Cognito's redirect is still part of a cross-site navigation. Every POST carries
        // the signed CSRF token as well.
        setCookie(c, idTokenCookie, tokens.id_token, { ...cookie, sameSite: 'Lax', maxAge: Math.max(60, maxAge - 60) });
        return c.redirect('/', 303);
      });

      // A form's redirect to another origin is blocked by the page CSP (form-action 'self'); this page, a new
      // document, moves on to Cognito's logout by a meta refresh, with a link for the browser that does not.
      app.post('/sign-out', (c) => {
        deleteCookie(c, idTokenCookie, cookie);
        const logout = `${options.authBaseUrl}/logout?${new URLSearchParams({
          client_id: options.clientId,
          logout_uri: `${options.consoleOrigin}/signed-out`,
        })}`;
        return c.html(
          renderHtml(html`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${logout}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>正在退出</title>
<link rel="stylesheet" href="/static/console.css"></head>
<body><main><p role="status">正在退出……如未自动跳转，请<a href="${logout}">点此完成退出</a>。</p></main></body></html>`),
        );
      });

      app.get('/signed-out', (c) =>
        kit.page(c, messagePage(kit.frame(c, '已退出'), '您已退出登录。', { href: '/sign-in', label: '重新登录' })),
      );
    },
  };
}
