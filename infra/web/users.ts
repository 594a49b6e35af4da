import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The roles a person signs in with (the system acts by itself, never through the console). */
export const ConsoleRole = z.enum(['recommending_unit', 'reviewer', 'auditor']);
export type ConsoleRole = z.infer<typeof ConsoleRole>;

export const userNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const StoredUser = z.object({
  name: z.string().regex(userNamePattern),
  role: ConsoleRole,
  /** The recommending unit a unit user acts for (the `--unit` of `award submit`). */
  unitId: z.string().regex(userNamePattern).optional(),
  /** `scrypt$N$r$p$<salt base64>$<key base64>`. */
  passwordHash: z.string().startsWith('scrypt$'),
  createdAt: z.string(),
});
export type StoredUser = z.infer<typeof StoredUser>;
const UsersFile = z.object({ users: z.array(StoredUser) });

/** Who is signed in: what every route authorises against. */
export interface ConsoleUser {
  name: string;
  role: ConsoleRole;
  unitId?: string;
}

const scryptParams = { N: 16_384, r: 8, p: 1 } as const;
const keyLength = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, scryptParams);
  const { N, r, p } = scryptParams;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [tag, n, r, p, salt, key] = stored.split('$');
  if (tag !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no password matches: an unknown name costs the same scrypt as a known one. */
const decoyHash = `scrypt$${scryptParams.N}$${scryptParams.r}$${scryptParams.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(keyLength, 1).toString('base64')}`;

/**
 * The console's users: `<AWARD_HOME>/users.json` (mode 0600), created by `award user add`. Only scrypt hashes are
 * kept; the file is re-read on every sign-in, so a user added while the console runs can sign in at once.
 */
export class ConsoleUsers {
  constructor(readonly file: string) {}

  static inHome(root: string): ConsoleUsers {
    return new ConsoleUsers(join(root, 'users.json'));
  }

  list(): StoredUser[] {
    if (!existsSync(this.file)) return [];
    return UsersFile.parse(JSON.parse(readFileSync(this.file, 'utf8'))).users;
  }

  /** Adds a user, or replaces the password and role of one with the same name. */
  async add(user: { name: string; role: ConsoleRole; unitId?: string; password: string }, now = new Date()) {
    if (!userNamePattern.test(user.name)) throw new RangeError(`user name ${JSON.stringify(user.name)} is not valid`);
    if (user.role === 'recommending_unit' && !user.unitId) throw new RangeError('a unit user needs its unit id');
    if (user.role !== 'recommending_unit' && user.unitId) throw new RangeError('only a unit user has a unit id');
    if (user.password.length < 8) throw new RangeError('the password needs at least 8 characters');
    const stored = StoredUser.parse({
      name: user.name,
      role: user.role,
      ...(user.unitId ? { unitId: user.unitId } : {}),
      passwordHash: await hashPassword(user.password),
      createdAt: now.toISOString(),
    });
    const users = this.list().filter((u) => u.name !== user.name);
    users.push(stored);
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.file);
    return stored;
  }

  /** The user when the name and password match; undefined otherwise (in about the same time either way). */
  async authenticate(name: string, password: string): Promise<ConsoleUser | undefined> {
    const user = this.list().find((u) => u.name === name);
    const ok = await passwordMatches(password, user?.passwordHash ?? decoyHash);
    if (!user || !ok) return undefined;
    return { name: user.name, role: user.role, ...(user.unitId ? { unitId: user.unitId } : {}) };
  }
}
