import { and, count, eq, gte, lt, min } from 'drizzle-orm';
import { loginFailures } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 50;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** Whether enough failures fall inside the window to refuse another try. */
export function isThrottled(failuresInWindow: number, limit: number): boolean {
  return failuresInWindow >= limit;
}

/** Failures for a key within the window ending now, and when the oldest of them leaves it. */
export async function failuresFor(db: Db | Tx, key: string, now: number) {
  const since = now - LOGIN_WINDOW_MS;
  const rows = await db
    .select({ n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)));
  const n = rows[0]?.n ?? 0;
  return { count: n, retryAt: n > 0 && rows[0]?.oldest ? rows[0].oldest + LOGIN_WINDOW_MS : now };
}

/** Records one failed login against both the account and the client address. */
export async function recordFailure(tx: Tx, keys: string[], now: number): Promise<void> {
  await tx.insert(loginFailures).values(keys.map((key) => ({ key, at: now })));
  // keep the table small: anything outside the window no longer counts
  await tx.delete(loginFailures).where(lt(loginFailures.at, now - LOGIN_WINDOW_MS));
}
