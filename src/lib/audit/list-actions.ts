import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { audits, correctiveActions, users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { seesAllActions } from './action-access.ts';
import type { ActionFilters, ActionSort } from './action-filters.ts';
import { daysOverdue, isOverdue, WORKING_STATUSES } from './action-overdue.ts';
import { ACTION_STATUSES, type ActionActor, type ActionStatus } from './action-transitions.ts';

const owner = alias(users, 'owner');

export type ActionListRow = {
  id: string;
  auditId: string;
  auditTitle: string;
  itemId: string | null;
  title: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  status: ActionStatus;
  ownerId: string | null;
  owner: { id: string; name: string; email: string } | null;
  dueAt: number;
  overdue: boolean;
  daysOverdue: number;
  createdAt: number;
  updatedAt: number;
};
export type ActionCounts = { total: number; overdue: number; byStatus: Record<ActionStatus, number> };
export type ListActionsOptions = { actor: ActionActor; filters: ActionFilters; now?: number; limit?: number; /** Only the actor's own, even for those who see all (the home page). */ mine?: boolean };

const severityRank = sql`case ${correctiveActions.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;
const statusRank = sql`case ${correctiveActions.status} when 'open' then 0 when 'in_progress' then 1 when 'resolved' then 2 else 3 end`;
const overdueSql = (now: number) => and(inArray(correctiveActions.status, [...WORKING_STATUSES]), lt(correctiveActions.dueAt, now))!;

const sortColumns: Record<ActionSort, SQL> = {
  due: sql`${correctiveActions.dueAt}`,
  severity: severityRank,
  status: statusRank,
  owner: sql`coalesce(${owner.name}, '')`,
  audit: sql`${audits.title}`,
  title: sql`${correctiveActions.title}`,
  created: sql`${correctiveActions.createdAt}`,
  updated: sql`${correctiveActions.updatedAt}`,
};

/** The SQL conditions for what this person may see and asked for; `except` leaves some filters out (for counts). */
export function actionConditions(actor: ActionActor, f: ActionFilters, now: number, except: { status?: boolean; overdue?: boolean } = {}, mine = false): SQL | undefined {
  const c: SQL[] = [];
  if (mine || !seesAllActions(actor)) c.push(eq(correctiveActions.ownerId, actor.id));
  else if (f.owner === 'none') c.push(isNull(correctiveActions.ownerId));
  else if (f.owner) c.push(f.owner.includes('@') ? sql`lower(${owner.email}) = ${f.owner.toLowerCase()}` : eq(correctiveActions.ownerId, f.owner));
  if (f.auditId) c.push(eq(correctiveActions.auditId, f.auditId));
  if (f.severity.length) c.push(inArray(correctiveActions.severity, f.severity));
  if (f.status.length && !except.status) c.push(inArray(correctiveActions.status, f.status));
  if (f.overdue && !except.overdue) c.push(overdueSql(now));
  return c.length ? and(...c) : undefined;
}

/** Columns of a list row, shared with the CSV export. */
export const listColumns = {
  id: correctiveActions.id,
  auditId: correctiveActions.auditId,
  auditTitle: audits.title,
  itemId: correctiveActions.itemId,
  title: correctiveActions.title,
  severity: correctiveActions.severity,
  status: correctiveActions.status,
  ownerId: correctiveActions.ownerId,
  ownerName: owner.name,
  ownerEmail: owner.email,
  dueAt: correctiveActions.dueAt,
  createdAt: correctiveActions.createdAt,
  updatedAt: correctiveActions.updatedAt,
};

/** The base query of action rows with their audit and owner joined. */
export function selectActionRows(db: Db) {
  return db.select(listColumns).from(correctiveActions).innerJoin(audits, eq(audits.id, correctiveActions.auditId)).leftJoin(owner, eq(owner.id, correctiveActions.ownerId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectActionRows>['where']>>[number];

/** A raw joined row as the list shows it. */
export function toListRow(r: RawRow, now: number): ActionListRow {
  const { ownerName, ownerEmail, ...rest } = r;
  return { ...rest, owner: r.ownerId && ownerName !== null && ownerEmail !== null ? { id: r.ownerId, name: ownerName, email: ownerEmail } : null, overdue: isOverdue(r, now), daysOverdue: daysOverdue(r, now) };
}

/** Actions this person may see (all for auditors and admins, else their own), filtered and sorted, with counts per status. */
export async function listActions(db: Db, o: ListActionsOptions): Promise<{ rows: ActionListRow[]; counts: ActionCounts }> {
  const now = o.now ?? Date.now();
  const order = o.filters.dir === 'desc' ? desc : asc;
  const [raw, countRows] = await Promise.all([
    selectActionRows(db)
      .where(actionConditions(o.actor, o.filters, now, {}, o.mine))
      .orderBy(order(sortColumns[o.filters.sort]), asc(correctiveActions.dueAt), asc(correctiveActions.id))
      .limit(o.limit ?? 500),
    db
      .select({ status: correctiveActions.status, n: sql<number>`count(*)`, overdue: sql<number>`sum(case when ${overdueSql(now)} then 1 else 0 end)` })
      .from(correctiveActions)
      .leftJoin(owner, eq(owner.id, correctiveActions.ownerId))
      .where(actionConditions(o.actor, o.filters, now, { status: true, overdue: true }, o.mine))
      .groupBy(correctiveActions.status),
  ]);
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  let overdue = 0;
  for (const c of countRows) {
    byStatus[c.status] = Number(c.n);
    overdue += Number(c.overdue ?? 0);
  }
  return { rows: raw.map((r) => toListRow(r, now)), counts: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), overdue, byStatus } };
}

/** Keyset position for reading the list in pages (the CSV export): after this creation time and id. */
export function afterCursor(cursor: { createdAt: number; id: string } | null): SQL | undefined {
  return cursor ? or(gt(correctiveActions.createdAt, cursor.createdAt), and(eq(correctiveActions.createdAt, cursor.createdAt), gt(correctiveActions.id, cursor.id))) : undefined;
}
