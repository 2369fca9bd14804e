// "My team": each of a person's reports with their courses and open corrective actions. Read-only.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { correctiveActions, departments, users } from '../../../db/schema.ts';
import { canSeeReport, reportsVisibleTo, type Role } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { statusRowsSql } from '../training/hr-status-sql.ts';
import { chunks } from '../training/resolve-assignees.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type TeamCourse = { course: string; status: string; dueAt: number | null; completedAt: number | null; expiresAt: number | null; daysOverdue: number };
export type TeamAction = { id: string; title: string; status: string; dueAt: number; overdue: boolean };
export type TeamMember = { id: string; email: string; name: string; department: string | null; managerId: string | null; courses: TeamCourse[]; openActions: TeamAction[] };

type Actor = { id: string; role: Role };

async function membersFor(db: Db, ids: string[], now: number): Promise<TeamMember[]> {
  const out: TeamMember[] = [];
  for (const part of chunks(ids, 200)) {
    const people = await db
      .select({ id: users.id, email: users.email, name: users.name, department: departments.name, managerId: users.managerId })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(and(inArray(users.id, part), eq(users.active, true)))
      .orderBy(asc(users.name));
    const idList = sql.join(part.map((id) => sql`${id}`), sql`, `);
    const statuses = await db.all<{ userId: string; course: string; status: string; dueAt: number; completedAt: number | null; expiresAt: number | null }>(
      sql`SELECT * FROM (${statusRowsSql({ now, where: sql`a.user_id IN (${idList})` })}) s ORDER BY s."dueAt"`,
    );
    const actions = await db
      .select({ id: correctiveActions.id, ownerId: correctiveActions.ownerId, title: correctiveActions.title, status: correctiveActions.status, dueAt: correctiveActions.dueAt })
      .from(correctiveActions)
      .where(and(inArray(correctiveActions.ownerId, part), inArray(correctiveActions.status, ['open', 'in_progress'])))
      .orderBy(asc(correctiveActions.dueAt));
    for (const p of people) {
      out.push({
        ...p,
        courses: statuses
          .filter((s) => s.userId === p.id)
          .map((s) => ({ course: s.course, status: s.status, dueAt: s.dueAt, completedAt: s.completedAt, expiresAt: s.expiresAt, daysOverdue: s.status === 'overdue' ? Math.floor((now - s.dueAt) / DAY_MS) : 0 })),
        openActions: actions.filter((a) => a.ownerId === p.id).map((a) => ({ id: a.id, title: a.title, status: a.status, dueAt: a.dueAt, overdue: a.dueAt < now })),
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Everyone who reports to the actor (directly or through the chain), with training and open actions. */
export async function listTeam(db: Db, actor: Actor, now = Date.now()): Promise<TeamMember[]> {
  const ids = await reportsVisibleTo(db, actor);
  return membersFor(db, ids, now);
}

/** One report's row; 404 for anyone who is not in the actor's chain (as for any other person's things). */
export async function getTeamMember(db: Db, actor: Actor, personId: string, now = Date.now()): Promise<TeamMember> {
  if (!(await canSeeReport(db, actor, personId))) throw notFound('No such person in your team').as('error.noSuchPerson');
  const [member] = await membersFor(db, [personId], now);
  if (!member) throw notFound('No such person in your team').as('error.noSuchPerson');
  return member;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** A team member as the API shows them (DESIGN/issue 12): times as ISO strings. */
export function teamMemberJson(m: TeamMember) {
  return {
    email: m.email,
    name: m.name,
    department: m.department,
    courses: m.courses.map((c) => ({ course: c.course, status: c.status, dueAt: iso(c.dueAt), completedAt: iso(c.completedAt), expiresAt: iso(c.expiresAt), daysOverdue: c.daysOverdue })),
    openActions: m.openActions.map((a) => ({ id: a.id, title: a.title, status: a.status, dueAt: iso(a.dueAt), overdue: a.overdue })),
  };
}
