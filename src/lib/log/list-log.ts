import { desc, eq, lt } from 'drizzle-orm';
import { auditLog, users } from '../../../db/schema.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';

/** The newest audit-log entries with the actor's name, newest first, for the admin page. */
export function listLog(db: Db, actor: Pick<Actor, 'role'>, o: { before?: number; limit?: number } = {}) {
  assertCan(actor, 'admin.log');
  return db
    .select({ seq: auditLog.seq, at: auditLog.at, actorId: auditLog.actorId, actorName: users.name, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(o.before ? lt(auditLog.seq, o.before) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(o.limit ?? 50);
}
