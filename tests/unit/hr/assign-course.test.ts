import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignmentRules, assignments, auditLog } from '../../../db/schema.ts';
import { createUser, updateUser } from '../../../src/lib/auth/manage-users.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { assignCourse } from '../../../src/lib/training/assign-course.ts';
import { assignmentInputSchema } from '../../../src/lib/training/assignment-input.ts';
import { tempDb } from '../../support/db.ts';
import { addDepartment, addPerson, DAY } from './fixtures.ts';

let t: Awaited<ReturnType<typeof tempDb>>;
let hr: { id: string; role: 'hr' };
let tax: string;
const now = Date.now();
const course = 'confidentiality';

beforeEach(async () => {
  t = await tempDb();
  tax = await addDepartment(t.db, 'Tax Services');
  const records = await addDepartment(t.db, 'Records');
  hr = { id: await addPerson(t.db, { role: 'hr', departmentId: null }), role: 'hr' };
  for (let i = 0; i < 3; i++) await addPerson(t.db, { departmentId: tax, email: `tax${i}@x.example` });
  for (let i = 0; i < 2; i++) await addPerson(t.db, { departmentId: records, email: `rec${i}@x.example` });
  await addPerson(t.db, { departmentId: tax, email: 'gone@x.example', active: false });
});
afterEach(() => t.close());

const assign = (input: Record<string, unknown>, actor: { id: string; role: 'hr' | 'employee' } = hr) =>
  assignCourse({ db: t.db, actor, input: assignmentInputSchema.parse({ course, dueAt: now + 30 * DAY, ...input }), now });
const rowsOf = (slug = course) => t.db.select().from(assignments).where(eq(assignments.courseSlug, slug));
const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? { status: e.status, message: e.message, details: e.details } : Promise.reject(e)));

describe('assigning a course', () => {
  it('gives everyone active one assignment and a standing rule for everyone, and logs it once', async () => {
    const res = await assign({ all: true });
    expect(res).toMatchObject({ assigned: 6, created: 6, moved: 0, unchanged: 0 });
    expect(await rowsOf()).toHaveLength(6);
    const rules = await t.db.select().from(assignmentRules);
    expect(rules).toMatchObject([{ courseSlug: course, scopeKey: '*', departmentId: null, recurMonths: 12 }]);
    const log = await t.db.select().from(auditLog).where(eq(auditLog.action, 'training.assign'));
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.details)).toMatchObject({ scope: 'all', assigned: 6, created: 6 });
  });

  it('is idempotent: assigning again makes no second row', async () => {
    await assign({ all: true });
    const again = await assign({ all: true });
    expect(again).toMatchObject({ assigned: 6, created: 0, moved: 0, unchanged: 6 });
    expect(await rowsOf()).toHaveLength(6);
    expect(await t.db.select().from(assignmentRules)).toHaveLength(1);
  });

  it('moves the due date of people and rule to a later date, but never back to an earlier one', async () => {
    await assign({ all: true });
    const later = now + 60 * DAY;
    expect(await assign({ all: true, dueAt: later })).toMatchObject({ moved: 6 });
    expect((await rowsOf()).every((r) => r.dueAt === later)).toBe(true);
    expect(await assign({ all: true, dueAt: now + 10 * DAY })).toMatchObject({ moved: 0, unchanged: 6 });
    expect((await rowsOf()).every((r) => r.dueAt === later)).toBe(true);
    const [rule] = await t.db.select().from(assignmentRules);
    expect(rule!.dueAt).toBe(later);
  });

  it('assigns a department by name or id, making a rule for that department only', async () => {
    expect(await assign({ department: 'tax services' })).toMatchObject({ assigned: 3, created: 3 });
    expect(await assign({ department: tax })).toMatchObject({ assigned: 3, created: 0, unchanged: 3 });
    const [rule] = await t.db.select().from(assignmentRules);
    expect(rule).toMatchObject({ scopeKey: tax, departmentId: tax });
  });

  it('gives a department assignment to someone who joins or moves into the department later', async () => {
    await assign({ department: 'Tax Services' });
    const joiner = await createUser(t.db, { user: { email: 'new@x.example', name: 'New Joiner', role: 'employee', department: 'Tax Services' }, password: 'a long enough password', actor: systemActor });
    const mover = await addPerson(t.db, { departmentId: null, email: 'mover@x.example' });
    await updateUser(t.db, { userId: mover, actor: systemActor, department: 'Tax Services' });
    const got = await t.db.select().from(assignments).where(and(eq(assignments.courseSlug, course), sql`${assignments.userId} IN (${joiner}, ${mover})`));
    expect(got).toHaveLength(2);
    // the rule's due date, or 30 days from joining when that is later (here they are the same day)
    expect(got.every((r) => Math.abs(r.dueAt - (now + 30 * DAY)) < 60_000 && r.ruleId !== null)).toBe(true);
  });

  it('gives someone who joins after the due date 30 days rather than making them overdue on day one', async () => {
    await assign({ department: 'Tax Services', dueAt: now + 2 * DAY });
    await t.db.update(assignmentRules).set({ dueAt: now - 5 * DAY });
    const joiner = await createUser(t.db, { user: { email: 'late@x.example', name: 'Late Joiner', role: 'employee', department: 'Tax Services' }, password: 'a long enough password', actor: systemActor });
    const [row] = await t.db.select().from(assignments).where(eq(assignments.userId, joiner));
    expect(row!.dueAt).toBeGreaterThanOrEqual(now + 30 * DAY - 60_000);
  });

  it('assigns a list of people by email and makes no standing rule', async () => {
    expect(await assign({ emails: ['TAX0@x.example', 'rec1@x.example'] })).toMatchObject({ assigned: 2, created: 2 });
    expect(await t.db.select().from(assignmentRules)).toHaveLength(0);
  });

  it('refuses unknown or deactivated emails by name and writes nothing', async () => {
    const err = await rejection(assign({ emails: ['tax0@x.example', 'nobody@x.example', 'gone@x.example'] }));
    expect(err).toMatchObject({ status: 422, details: { unknownEmails: ['nobody@x.example', 'gone@x.example'] } });
    expect(err!.message).toContain('nobody@x.example');
    expect(await rowsOf()).toHaveLength(0);
    expect(await t.db.select().from(auditLog)).toHaveLength(0);
  });

  it('refuses an unknown course, an unknown department and a past due date with 422 naming them', async () => {
    expect(await rejection(assign({ all: true, course: 'knitting' }))).toMatchObject({ status: 422, message: expect.stringContaining('knitting') });
    expect(await rejection(assign({ department: 'Narnia' }))).toMatchObject({ status: 422, message: expect.stringContaining('Narnia') });
    expect(await rejection(assign({ all: true, dueAt: now - DAY }))).toMatchObject({ status: 422 });
    expect(await t.db.select().from(assignmentRules)).toHaveLength(0);
  });

  it('refuses an employee', async () => {
    const emp = { id: await addPerson(t.db), role: 'employee' as const };
    expect(await rejection(assign({ all: true }, emp))).toMatchObject({ status: 403 });
  });
});
