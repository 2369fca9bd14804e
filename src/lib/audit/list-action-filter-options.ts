import { asc, eq, sql } from 'drizzle-orm';
import { audits, correctiveActions, users } from '../../../db/schema.ts';
import { assertCan } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { seesAllActions } from './action-access.ts';
import type { ActionActor } from './action-transitions.ts';

export type FilterOptions = {
  owners: Array<{ id: string; name: string; email: string }>;
  audits: Array<{ id: string; title: string }>;
  /** Active users an auditor may assign an action to. */
  assignable: Array<{ id: string; name: string; email: string }>;
};

/** The choices of the owner and audit filters: people who own actions and audits that have some (for those who see all). */
export async function listActionFilterOptions(db: Db, o: { actor: ActionActor }): Promise<FilterOptions> {
  if (!seesAllActions(o.actor)) return { owners: [], audits: [], assignable: [] };
  const [owners, withActions, assignable] = await Promise.all([
    db.selectDistinct({ id: users.id, name: users.name, email: users.email }).from(correctiveActions).innerJoin(users, eq(users.id, correctiveActions.ownerId)).orderBy(asc(users.name)),
    db.selectDistinct({ id: audits.id, title: audits.title, createdAt: audits.createdAt }).from(correctiveActions).innerJoin(audits, eq(audits.id, correctiveActions.auditId)).orderBy(sql`${audits.createdAt} desc`),
    listAssignableUsers(db, o.actor),
  ]);
  return { owners, audits: withActions.map(({ id, title }) => ({ id, title })), assignable };
}

/** Active users, by name: anyone may own an action. */
export function listAssignableUsers(db: Db, actor: Pick<ActionActor, 'role'>) {
  assertCan(actor, 'actions.manage');
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.active, true)).orderBy(asc(users.name)).limit(2000);
}

/** Signed audits, newest first: the ones an action can be added to by hand. */
export function listAuditsForManualActions(db: Db, actor: Pick<ActionActor, 'role'>) {
  assertCan(actor, 'actions.manage');
  return db.select({ id: audits.id, title: audits.title }).from(audits).where(eq(audits.status, 'signed')).orderBy(sql`${audits.signedAt} desc`).limit(500);
}
