import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConsoleUser } from './users.js';

/** A browser's session: its CSRF token, and who signed in on it (none before sign-in). */
export interface Session {
  id: string;
  csrfToken: string;
  user?: ConsoleUser;
  expiresAt: number;
}

export const sessionCookie = 'award_session';
const idleMs = 8 * 3_600_000;
const maxSessions = 10_000;

const token = () => randomBytes(32).toString('base64url');

/** Whether a submitted CSRF token is the session's (constant time). */
export function csrfMatches(session: Session, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Sessions held in the server's memory (a restart signs everyone out). Ids and CSRF tokens are 256 random bits; a
 * session idle for 8 hours ends; signing in or out starts a new session, so an id seen before sign-in is worthless.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    session.expiresAt = this.now() + idleMs;
    return session;
  }

  create(user?: ConsoleUser): Session {
    if (this.sessions.size >= maxSessions) {
      for (const [id, s] of this.sessions) if (s.expiresAt <= this.now() || !s.user) this.sessions.delete(id);
      const oldest = this.sessions.keys().next();
      if (this.sessions.size >= maxSessions && !oldest.done) this.sessions.delete(oldest.value);
    }
    const session: Session = {
      id: token(),
      csrfToken: token(),
      expiresAt: this.now() + idleMs,
      ...(user ? { user } : {}),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }
}
