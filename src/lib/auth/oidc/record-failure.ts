import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write.ts';
import { appendLog } from '../../log/append-log.ts';
import { accountKey, addressKey, recordFailure } from '../rate-limit.ts';
import type { OidcFailure } from './failure.ts';

/**
 * Counts a failed sign-in through the provider towards login throttling (the client address, and
 * the account when the person is known) and logs the reason, never a token.
 */
export async function recordOidcFailure(db: Db, f: OidcFailure, address: string, now: number): Promise<void> {
  console.warn(`oidc sign-in failed: reason=${f.reason} detail=${JSON.stringify(f.detail)} address=${address}`);
  if (f.reason === 'throttled') return; // refused before anything was tried; like a throttled password login, not counted again
  const keys = [addressKey(address), ...(f.email ? [accountKey(f.email)] : [])];
  await writeTransaction(db, async (tx) => {
    await recordFailure(tx, keys, now);
    await appendLog(tx, {
      actorId: f.userId ?? null,
      action: 'auth.login_failed',
      subjectType: 'user',
      subjectId: f.userId,
      details: { method: 'oidc', reason: f.reason, detail: f.detail, address, ...(f.email ? { email: f.email } : {}) },
      at: now,
    });
  });
}
