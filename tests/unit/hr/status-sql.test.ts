// The dashboard's SQL status must say exactly what the training area's pure courseStatus() says.
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseStatus, expiryFor, type StatusResult } from '../../../src/lib/training/course-status.ts';
import { getHrDashboard } from '../../../src/lib/training/hr-dashboard.ts';
import { statusGroup } from '../../../src/lib/training/hr-status-groups.ts';
import { statusRowsSql, type StatusRow } from '../../../src/lib/training/hr-status-sql.ts';
import { tempDb } from '../../support/db.ts';
import { addAssignment, addAttempt, addDepartment, addLessonRead, addPerson, DAY, prng } from './fixtures.ts';

const now = Date.UTC(2026, 5, 15, 12);
const courses = ['confidentiality', 'retention-and-destruction', 'emergency-response'];
type Expected = StatusResult & { departmentId: string | null; course: string; userId: string };

let t: Awaited<ReturnType<typeof tempDb>>;
const expected: Expected[] = [];
const inactive = new Set<string>();

beforeAll(async () => {
  t = await tempDb();
  const rand = prng(20260615);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const depts = [await addDepartment(t.db, 'Tax'), await addDepartment(t.db, 'Audit'), await addDepartment(t.db, 'Records'), null];
  // edge instants on purpose: exactly now, one millisecond either side, exactly at the end of the grace period
  const edges = [0, 1, -1, 30 * DAY, 30 * DAY + 1, -30 * DAY];
  for (let p = 0; p < 160; p++) {
    const departmentId = pick(depts);
    const active = rand() > 0.08;
    const userId = await addPerson(t.db, { departmentId, active });
    if (!active) inactive.add(userId);
    for (const course of courses) {
      const assigned = rand() > 0.2;
      const dueAt = now + (rand() < 0.2 ? pick(edges) : Math.round((rand() - 0.5) * 120 * DAY));
      if (assigned) await addAssignment(t.db, userId, course, dueAt);
      const tries = Math.floor(rand() * 4);
      let latest: { completedAt: number; expiresAt: number | null } | null = null;
      for (let n = 1; n <= tries; n++) {
        const passes = rand() < 0.6;
        const at = rand() < 0.15 ? now - 365 * DAY - pick(edges) : now - Math.floor(rand() * 500 * DAY);
        const expiresAt = rand() < 0.15 ? null : rand() < 0.1 ? now : expiryFor(at, 12);
        await addAttempt(t.db, { userId, course, number: n, at, completion: passes ? { expiresAt } : undefined });
        if (passes && (!latest || at > latest.completedAt)) latest = { completedAt: at, expiresAt };
      }
      const lessons = rand() < 0.3 ? 1 + Math.floor(rand() * 2) : 0;
      for (let l = 0; l < lessons; l++) await addLessonRead(t.db, userId, course, `lesson-${l}`);
      if (!assigned || !active) continue;
      const status = courseStatus({ assignment: { dueAt }, latestCompletion: latest, lessonsRead: lessons, attempts: tries, now });
      expected.push({ ...status, departmentId, course, userId });
    }
  }
});
afterAll(() => t?.close());

describe('the status computed in SQL', () => {
  it('agrees with courseStatus() for every active person and assigned course of a generated dataset', async () => {
    const rows = await t.db.all<StatusRow>(sql`SELECT * FROM (${statusRowsSql({ now })}) s`);
    const key = (r: { userId: string; course: string }) => `${r.userId}/${r.course}`;
    const got = new Map(rows.map((r) => [key(r), r]));
    expect(rows.length).toBe(expected.length);
    const mismatches = expected.filter((e) => {
      const r = got.get(key(e));
      return !r || r.status !== e.status || r.dueAt !== e.dueAt || r.completedAt !== e.completedAt || r.expiresAt !== e.expiresAt;
    });
    expect(mismatches).toEqual([]);
    // the dataset exercises every status an assigned person can have
    expect(new Set(expected.map((e) => e.status))).toEqual(new Set(['assigned', 'in_progress', 'completed', 'overdue', 'expired']));
  });

  it('leaves deactivated people out', async () => {
    const rows = await t.db.all<StatusRow>(sql`SELECT * FROM (${statusRowsSql({ now })}) s`);
    expect(rows.some((r) => inactive.has(r.userId))).toBe(false);
  });

  it('counts each department and course cell of the matrix as the pure statuses group them', async () => {
    const board = await getHrDashboard({ db: t.db, actor: systemActor, locale: 'en', filters: {}, now });
    const want = new Map<string, { total: number; completed: number; due: number; overdue: number }>();
    for (const e of expected) {
      const k = `${e.departmentId ?? 'none'}/${e.course}`;
      const c = want.get(k) ?? { total: 0, completed: 0, due: 0, overdue: 0 };
      c.total++;
      c[statusGroup(e.status)!]++;
      want.set(k, c);
    }
    const got = new Map(board.rows.flatMap((r) => Object.entries(r.cells).map(([course, c]) => [`${r.departmentId}/${course}`, c] as const)));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    expect(board.totals.total.total).toBe(expected.length);
    expect(board.overdue.total).toBe(expected.filter((e) => e.status === 'overdue').length);
  });

  it('lists overdue people oldest first and due-soon people within 14 days', async () => {
    const board = await getHrDashboard({ db: t.db, actor: systemActor, locale: 'en', filters: {}, now, listLimit: 1000 });
    const dues = board.overdue.rows.map((r) => r.dueAt);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(board.overdue.rows.every((r) => r.status === 'overdue' && r.dueAt < now)).toBe(true);
    expect(board.dueSoon.rows.every((r) => statusGroup(r.status) === 'due' && r.dueAt >= now && r.dueAt <= now + 14 * DAY)).toBe(true);
    expect(board.dueSoon.total).toBe(expected.filter((e) => statusGroup(e.status) === 'due' && e.dueAt! <= now + 14 * DAY).length);
  });
});

describe('the indexes behind the status query', () => {
  it('scans one driving table (people or assignments: every one must be visited) and reaches the rest through indexes, with no subquery per row', async () => {
    const q = new SQLiteSyncDialect().sqlToQuery(statusRowsSql({ now }));
    const plan = (await t.db.all<{ detail: string }>(sql.raw(`EXPLAIN QUERY PLAN ${q.sql.replaceAll('?', 'NULL')}`))).map((r) => r.detail);
    const scanned = plan.filter((d) => d.startsWith('SCAN')).map((d) => d.split(' ')[1]);
    expect(scanned).toHaveLength(1);
    expect(['a', 'u']).toContain(scanned[0]);
    // the latest completion and the started flag live on the assignment row: no correlated subquery
    expect(plan.some((d) => d.includes('SUBQUERY'))).toBe(false);
    for (const alias of ['a', 'u', 'd'].filter((x) => x !== scanned[0])) {
      expect(plan.some((d) => d.startsWith(`SEARCH ${alias} USING`) && d.includes('INDEX')), alias).toBe(true);
    }
  });
});
