import type { Role } from '../domain/access/role.js';

/**
 * The reviewer/auditor HTTP API: each route, the action it runs (or the read it serves) and the roles whose IAM
 * role may call it. API Gateway enforces the roles with IAM; the Lambda behind derives the actor from the caller's
 * assumed role, never from the body.
 */
export const apiRoutes = [
  { method: 'POST', path: '/actions/requireConsultations', action: 'requireConsultations', roles: ['reviewer'] },
  {
    method: 'POST',
    path: '/actions/recordConsultationOpinion',
    action: 'recordConsultationOpinion',
    roles: ['reviewer'],
  },
  {
    method: 'POST',
    path: '/actions/recordDecision',
    action: 'recordDecision',
    roles: ['reviewer', 'recommending_unit'],
  },
  { method: 'POST', path: '/actions/openPublicityWindow', action: 'openPublicityWindow', roles: ['reviewer'] },
  { method: 'POST', path: '/actions/lodgeObjection', action: 'lodgeObjection', roles: ['reviewer'] },
  { method: 'POST', path: '/actions/resolveObjection', action: 'resolveObjection', roles: ['reviewer'] },
  { method: 'POST', path: '/actions/closePublicityWindow', action: 'closePublicityWindow', roles: ['reviewer'] },
  { method: 'POST', path: '/actions/drawApplicationPanel', action: 'drawApplicationPanel', roles: ['reviewer'] },
  { method: 'POST', path: '/actions/recordPanelScores', action: 'recordPanelScores', roles: ['reviewer'] },
  {
    method: 'GET',
    path: '/applications/{applicationId}/reports',
    read: 'reports',
    roles: ['recommending_unit', 'reviewer', 'auditor'],
  },
  { method: 'GET', path: '/applications/{applicationId}/history', read: 'history', roles: ['reviewer', 'auditor'] },
] as const satisfies readonly ApiRoute[];

export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
  action?: string;
  read?: 'reports' | 'history';
  roles: readonly Exclude<Role, 'system'>[];
}

export const apiRoles = ['recommending_unit', 'reviewer', 'auditor'] as const;
export type ApiRole = (typeof apiRoles)[number];

/** `arn:aws:sts::<acct>:assumed-role/<RoleName>/<session>` → the role name and session, or undefined. */
export function assumedRoleOf(callerArn: string): { roleName: string; session: string } | undefined {
  const match = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\/(.+)$/.exec(callerArn);
  return match?.[1] && match[2] ? { roleName: match[1], session: match[2] } : undefined;
}
