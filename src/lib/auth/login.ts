import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { tooManyRequests, unauthorized } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { config } from '../config.ts';
import type { AppLucia, LoginMethod } from './lucia.ts';
import { can } from './permissions.ts';
import { verifyPassword } from './password.ts';
import { accountKey, ACCOUNT_LIMIT, addressKey, ADDRESS_LIMIT, failuresFor, isThrottled, recordFailure } from './rate-limit.ts';

/** Whether passwords are accepted: everyone's (LMS_PASSWORD_LOGIN on), or only the break-glass admin's. */
export type PasswordPolicy = { passwordLogin: boolean; breakglassEmail: string | undefined };

export type LoginOptions = { db: Db; lucia: AppLucia; email: string; password: string; address: string; now?: number; policy?: PasswordPolicy };

/** Whether this account may sign in with a password under the policy (the password itself is checked elsewhere). */
export function passwordAllowedFor(user: { email: string; role: Parameters<typeof can>[0] }, policy: PasswordPolicy): boolean {
  if (policy.passwordLogin) return true;
  return policy.breakglassEmail !== undefined && user.email.toLowerCase() === policy.breakglassEmail && can(user.role, 'auth.breakglass');
}

/** Whether a client address has too many recent failures to try again; the time it may retry. */
export async function addressThrottle(db: Db, address: string, now = Date.now()): Promise<{ throttled: boolean; retryAfterSeconds: number }> {
  const f = await failuresFor(db, addressKey(address), now);
  const throttled = isThrottled(f.count, ADDRESS_LIMIT);
  return { throttled, retryAfterSeconds: throttled ? Math.ceil((f.retryAt - now) / 1000) : 0 };
}

/** Opens a lucia session for a signed-in user and writes the one `auth.login` entry, naming the method. */
export async function openSession(o: { db: Db; lucia: AppLucia; userId: string; address: string; method: LoginMethod; now?: number; details?: Record<string, unknown> }) {
  const now = o.now ?? Date.now();
  const session = await o.lucia.createSession(o.userId, { loginMethod: o.method });
  await writeTransaction(o.db, (tx) => appendLog(tx, { actorId: o.userId, action: 'auth.login', subjectType: 'user', subjectId: o.userId, details: { address: o.address, method: o.method, ...o.details }, at: now }));
  return session;
}

/** Checks credentials under the rate limits; on success opens a session, on failure counts it. Both are logged. */
export async function login(o: LoginOptions) {
  const now = o.now ?? Date.now();
  const email = o.email.trim().toLowerCase();
  const [account, address] = await Promise.all([
    failuresFor(o.db, accountKey(email), now),
    failuresFor(o.db, addressKey(o.address), now),
  ]);
  if (isThrottled(account.count, ACCOUNT_LIMIT) || isThrottled(address.count, ADDRESS_LIMIT)) {
    const retryAt = Math.max(isThrottled(account.count, ACCOUNT_LIMIT) ? account.retryAt : 0, isThrottled(address.count, ADDRESS_LIMIT) ? address.retryAt : 0);
    throw tooManyRequests('Too many failed attempts. Try again later.', { retryAfterSeconds: Math.ceil((retryAt - now) / 1000) }).as('error.tooManyAttempts');
  }

  const [user] = await o.db.select().from(users).where(eq(users.email, email)).limit(1);
  const policy = o.policy ?? config();
  // an account made by the identity provider has no password (an empty hash): it is checked
  // against the dummy hash like an unknown email, so that both take the same time
  const passwordOk = await verifyPassword(user?.passwordHash ? user.passwordHash : null, o.password);
  // with password login switched off, everyone but the break-glass admin gets the same answer as a
  // wrong password, so the answer does not tell which email is the break-glass one
  if (!user || !passwordOk || !user.active || !passwordAllowedFor(user, policy)) {
    await writeTransaction(o.db, async (tx) => {
      await recordFailure(tx, [accountKey(email), addressKey(o.address)], now);
      await appendLog(tx, { actorId: user?.id ?? null, action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id, details: { email, address: o.address, method: 'password' }, at: now });
    });
    // the same answer for an unknown email, a wrong password and a deactivated account
    throw unauthorized('Wrong email or password').as('error.wrongPassword');
  }

  const session = await openSession({ db: o.db, lucia: o.lucia, userId: user.id, address: o.address, method: 'password', now });
  return { session, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/** Ends a session on the server and logs it. */
export async function logout(o: { db: Db; lucia: AppLucia; sessionId: string; userId: string }): Promise<void> {
  await o.lucia.invalidateSession(o.sessionId);
  await writeTransaction(o.db, (tx) => appendLog(tx, { actorId: o.userId, action: 'auth.logout', subjectType: 'user', subjectId: o.userId }));
}
