import { inArray } from 'drizzle-orm';
import { userIdentities, users } from '../../../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { passwordAllowedFor, type PasswordPolicy } from '../login.ts';
import { assertCan, type Actor } from '../permissions.ts';

export type SignInMethod = 'password' | 'provider' | 'both' | 'none';

/** How each of some people can sign in: with a password (one they have and may use under the policy), through the provider, or both. */
export async function signInMethods(db: Db, actor: Pick<Actor, 'role'>, userIds: string[], policy: PasswordPolicy): Promise<Map<string, SignInMethod>> {
  assertCan(actor, 'admin.users');
  const out = new Map<string, SignInMethod>();
  if (userIds.length === 0) return out;
  const [withPassword, linked] = await Promise.all([
    db.select({ id: users.id, hash: users.passwordHash, email: users.email, role: users.role }).from(users).where(inArray(users.id, userIds)),
    db.selectDistinct({ id: userIdentities.userId }).from(userIdentities).where(inArray(userIdentities.userId, userIds)),
  ]);
  const hasIdentity = new Set(linked.map((l) => l.id));
  for (const u of withPassword) {
    const password = u.hash !== '' && passwordAllowedFor(u, policy);
    const provider = hasIdentity.has(u.id);
    out.set(u.id, password && provider ? 'both' : password ? 'password' : provider ? 'provider' : 'none');
  }
  return out;
}
