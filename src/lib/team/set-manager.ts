// Setting a person's manager: another active user, never themselves, never making a circle.
import { eq, sql } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { notFound, unprocessable } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { managersAbove } from './report-chain.ts';

/** The active user with this email, as a manager; 422 with a clear message otherwise. */
export async function findManager(tx: Db | Tx, email: string): Promise<{ id: string; email: string }> {
  const key = email.trim().toLowerCase();
  const [m] = await tx.select({ id: users.id, email: users.email, active: users.active }).from(users).where(sql`lower(${users.email}) = ${key}`);
  if (!m) throw unprocessable(`There is no user with the email ${key} to be the manager`, { manager: key }).as('error.managerUnknown', { email: key });
  if (!m.active) throw unprocessable(`${m.email} is deactivated and cannot be a manager`, { manager: key }).as('error.managerInactive', { email: m.email });
  return { id: m.id, email: m.email };
}

/**
 * Checks inside a transaction that giving `userId` the manager `managerId` makes no circle: the
 * manager must not be the person nor anyone below them. Call after writing; throw rolls it back.
 */
export async function assertNoCycle(tx: Tx, userId: string): Promise<void> {
  const above = await managersAbove(tx, userId);
  if (above.includes(userId)) {
    const emails = await tx.select({ id: users.id, email: users.email }).from(users);
    const byId = new Map(emails.map((e) => [e.id, e.email]));
    const chain = [userId, ...above.slice(0, above.indexOf(userId) + 1)].map((id) => byId.get(id) ?? id).join(' → ');
    throw unprocessable(`That would make a circle of managers (${chain})`, { chain }).as('error.managerCycle', { chain });
  }
}

/** Sets or clears (null) a person's manager by email; admins only. Logged in the audit log. */
export async function setManager(db: Db, o: { actor: Actor; userId: string; managerEmail: string | null }): Promise<void> {
  assertCan(o.actor, 'admin.users');
  await writeTransaction(db, async (tx) => {
    const [person] = await tx.select({ id: users.id, managerId: users.managerId }).from(users).where(eq(users.id, o.userId));
    if (!person) throw notFound('No such user').as('error.noSuchUser');
    const manager = o.managerEmail ? await findManager(tx, o.managerEmail) : null;
    if (manager?.id === person.id) throw unprocessable('A person cannot be their own manager').as('error.managerSelf');
    await tx.update(users).set({ managerId: manager?.id ?? null }).where(eq(users.id, person.id));
    if (manager) await assertNoCycle(tx, person.id);
    await appendLog(tx, { actorId: o.actor.id, action: 'user.manager', subjectType: 'user', subjectId: person.id, details: { from: person.managerId, to: manager?.id ?? null } });
  });
}
