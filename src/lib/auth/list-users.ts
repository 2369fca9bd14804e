import { and, asc, count, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { departments, users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { assertCan, type Actor } from './permissions.ts';

export type ListUsersOptions = { query?: string; departmentId?: string; limit?: number; offset?: number };

function filtersOf(o: ListUsersOptions): SQL | undefined {
  const filters: SQL[] = [];
  if (o.query) {
    const q = `%${o.query.replace(/[%_]/g, '')}%`;
    filters.push(or(like(users.name, q), like(users.email, q))!);
  }
  if (o.departmentId) filters.push(eq(users.departmentId, o.departmentId));
  return filters.length ? and(...filters) : undefined;
}

/** How many users match, for paging. */
export async function countUsers(db: Db, actor: Pick<Actor, 'role'>, o: ListUsersOptions = {}): Promise<number> {
  assertCan(actor, 'admin.users');
  const [row] = await db.select({ n: count() }).from(users).where(filtersOf(o));
  return row?.n ?? 0;
}

/** Users with their department names, for administration; never returns password hashes. */
export function listUsers(db: Db, actor: Pick<Actor, 'role'>, o: ListUsersOptions = {}) {
  assertCan(actor, 'admin.users');
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, departmentId: users.departmentId, department: departments.name, managerEmail: sql<string | null>`(SELECT m.email FROM users m WHERE m.id = ${users.managerId})` })
    .from(users)
    .leftJoin(departments, eq(users.departmentId, departments.id))
    .where(filtersOf(o))
    .orderBy(asc(users.name))
    .limit(o.limit ?? 200)
    .offset(o.offset ?? 0);
}
