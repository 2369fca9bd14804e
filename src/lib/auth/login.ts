import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { tooManyRequests, unauthorized } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import type { AppLucia } from './lucia.ts';
import { verifyPassword } from './password.ts';
import { accountKey, ACCOUNT_LIMIT, addressKey, ADDRESS_LIMIT, failuresFor, isThrottled, recordFailure } from './rate-limit.ts';

export type LoginOptions = { db: Db; lucia: AppLucia; email: string; password: string; address: string; now?: number };

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
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, o.password);
  if (!user || !passwordOk || !user.active) {
    await writeTransaction(o.db, async (tx) => {
      await recordFailure(tx, [accountKey(email), addressKey(o.address)], now);
      await appendLog(tx, { actorId: user?.id ?? null, action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id, details: { email, address: o.address }, at: now });
    });
    // the same answer for an unknown email, a wrong password and a deactivated account
    throw unauthorized('Wrong email or password').as('error.wrongPassword');
  }

  const session = await o.lucia.createSession(user.id, {});
  await writeTransaction(o.db, (tx) => appendLog(tx, { actorId: user.id, action: 'auth.login', subjectType: 'user', subjectId: user.id, details: { address: o.address }, at: now }));
  return { session, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/** Ends a session on the server and logs it. */
export async function logout(o: { db: Db; lucia: AppLucia; sessionId: string; userId: string }): Promise<void> {
  await o.lucia.invalidateSession(o.sessionId);
  await writeTransaction(o.db, (tx) => appendLog(tx, { actorId: o.userId, action: 'auth.logout', subjectType: 'user', subjectId: o.userId }));
}
