// The people a schedule can name as its auditor: active users whose role conducts audits.
import { asc, eq, inArray, and } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import { permissions } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { assertManagesProgramme, type Actor } from './programme-access.ts';

/** Active auditors and admins, by name. */
export async function listAuditors(db: Db, o: { actor: Actor }): Promise<Array<{ id: string; name: string; email: string }>> {
  assertManagesProgramme(o.actor);
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...permissions['audits.conduct']])))
    .orderBy(asc(users.name));
}
