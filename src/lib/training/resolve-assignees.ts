import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { departments, users } from '../../../db/schema.ts';
import type { Tx } from '../db/client.ts';
import { unprocessable } from '../errors.ts';
import type { AssignmentInput } from './assignment-input.ts';

export type Assignees = {
  scope: 'all' | 'department' | 'emails';
  department: { id: string; name: string } | null;
  userIds: string[];
};

const CHUNK = 500;

/** Splits a list so each IN (...) stays well under SQLite's bound-parameter limit. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The active people an assignment is for; an unknown department or email is a 422 that names it. */
export async function resolveAssignees(tx: Tx, input: Pick<AssignmentInput, 'all' | 'department' | 'emails'>): Promise<Assignees> {
  if (input.department !== undefined) {
    const wanted = input.department;
    const [dept] = await tx
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(or(eq(departments.id, wanted), sql`lower(${departments.name}) = lower(${wanted})`))
      .limit(1);
    if (!dept) throw unprocessable(`Unknown department: ${wanted}`, { department: wanted }).as('error.unknownDepartment', { department: wanted });
    const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, dept.id), eq(users.active, true)));
    return { scope: 'department', department: dept, userIds: rows.map((r) => r.id) };
  }
  if (input.emails !== undefined) {
    const emails = [...new Set(input.emails)];
    const found = new Map<string, string>();
    for (const part of chunks(emails)) {
      const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.email, part), eq(users.active, true)));
      for (const r of rows) found.set(r.email, r.id);
    }
    const unknown = emails.filter((e) => !found.has(e));
    if (unknown.length) throw unprocessable(`No active account for: ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ''}`, { unknownEmails: unknown }).as('error.unknownEmails', { emails: unknown.slice(0, 20).join(', ') });
    return { scope: 'emails', department: null, userIds: [...found.values()] };
  }
  const rows = await tx.select({ id: users.id }).from(users).where(eq(users.active, true));
  return { scope: 'all', department: null, userIds: rows.map((r) => r.id) };
}
