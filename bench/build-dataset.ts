// Fills a fresh database with a large organisation for the benchmark: departments, people, the three
// courses assigned to everyone, and hundreds of thousands of graded attempts with their completions.
// Rows go in as big multi-row INSERTs inside one transaction per table, which is what makes it fast;
// assignments go in last, so the triggers that copy each person's latest completion onto the
// assignment row run once per assignment instead of once per attempt. Sessions are written directly
// (no password checks), so the load can come from thousands of different people.
import type { Client, InArgs } from '@libsql/client';
import { hashPassword } from '../src/lib/auth/password.ts';
import { getCourse } from '../src/lib/content/catalog.ts';
import { addMonths } from '../src/lib/training/course-status.ts';
import { demoAnswers } from '../src/lib/training/demo-answers.ts';
import { gradeAttempt } from '../src/lib/training/grade-attempt.ts';
import { newId } from '../src/lib/ids.ts';

export const BENCH_PASSWORD = 'bench-password-0123';
export const COURSES = ['confidentiality', 'retention-and-destruction', 'emergency-response'];
const DAY = 24 * 60 * 60 * 1000;

export type DatasetSize = { employees: number; departments: number; attemptsPerCourse: number; sessions: number };
export type DatasetSummary = { users: number; departments: number; assignments: number; attempts: number; completions: number; seconds: number };
/** Session cookies (`lms_session=…`) for HR, an auditor and `sessions` different employees. */
export type DatasetLogins = { hrEmail: string; hr: string; auditor: string; employees: string[] };

/** A deterministic PRNG (mulberry32), so every run builds the same organisation. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts rows with multi-row INSERT statements of `perStatement` rows inside one write transaction. */
async function insertMany(client: Client, table: string, columns: string[], rows: Iterable<unknown[]>, perStatement = 400): Promise<number> {
  const tx = await client.transaction('write');
  const one = `(${columns.map(() => '?').join(',')})`;
  let batch: unknown[][] = [];
  let total = 0;
  const flush = async () => {
    if (!batch.length) return;
    await tx.execute({ sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${batch.map(() => one).join(',')}`, args: batch.flat() as InArgs });
    total += batch.length;
    batch = [];
  };
  try {
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= perStatement) await flush();
    }
    await flush();
    await tx.commit();
  } finally {
    tx.close();
  }
  return total;
}

/** A pool of graded answer sets per course (a few right, most with some mistakes), reused across attempts. */
function answerPool(course: string, rand: () => number) {
  const c = getCourse(course, 'en')!;
  return Array.from({ length: 40 }, (_, i) => {
    const wrong = Math.floor(rand() * 7);
    const g = gradeAttempt(c.quiz, c.meta.passMark, demoAnswers(course, wrong, i));
    return { answers: JSON.stringify(g.answers), results: JSON.stringify(Object.fromEntries(g.results.map((r) => [r.questionId, r.correct]))), score: g.score, passed: g.passed, version: c.meta.version };
  });
}

/** Builds the benchmark organisation into an empty, migrated database; returns the HR and one employee login. */
export async function buildDataset(client: Client, size: DatasetSize, now = Date.now()): Promise<DatasetSummary & DatasetLogins> {
  const started = performance.now();
  const rand = prng(42);
  await client.execute('PRAGMA synchronous = OFF'); // a throwaway database: durability is not the point here
  const passwordHash = await hashPassword(BENCH_PASSWORD); // hashed once, shared by everyone
  const depts = Array.from({ length: size.departments }, (_, i) => ({ id: newId(), name: `Department ${String(i + 1).padStart(2, '0')}` }));
  await insertMany(client, 'departments', ['id', 'name', 'created_at'], depts.map((d) => [d.id, d.name, now]));
  const surnames = ['王', '李', '张', '刘', '陈', 'Smith', 'García', 'Nguyen'];
  const people = Array.from({ length: size.employees }, (_, i) => ({ id: newId(), email: `emp${String(i + 1).padStart(5, '0')}@bench.example`, name: `${surnames[i % surnames.length]} ${i + 1}`, dept: depts[i % depts.length]!.id }));
  // every 25th person manages the 24 after them: 400 managers at 10,000 people, for the reminder digests
  const managerOf = (i: number) => (i % 25 === 0 ? null : people[i - (i % 25)]!.id);
  const hr = { id: newId(), email: 'hr@bench.example' };
  const auditor = { id: newId(), email: 'auditor@bench.example' };
  await insertMany(
    client,
    'users',
    ['id', 'email', 'name', 'role', 'department_id', 'password_hash', 'active', 'created_at', 'manager_id'],
    [
      [hr.id, hr.email, 'Bench HR', 'hr', depts[0]!.id, passwordHash, 1, now, null],
      [auditor.id, auditor.email, 'Bench Auditor', 'auditor', depts[1]!.id, passwordHash, 1, now, null],
      ...people.map((p, i) => [p.id, p.email, p.name, 'employee', p.dept, passwordHash, 1, now, managerOf(i)]),
    ],
  );
  // lucia keeps expiry in seconds; 13 of 14 days left, so no request renews a session during the run
  const sessionOwners = [hr.id, auditor.id, ...people.slice(0, size.sessions).map((p) => p.id)];
  const sessionRows = sessionOwners.map((userId) => [newId(40), userId, Math.floor(now / 1000) + 13 * 24 * 3600]);
  await insertMany(client, 'sessions', ['id', 'user_id', 'expires_at'], sessionRows);
  const cookies = sessionRows.map((r) => `lms_session=${r[0]}`);
  const rules = COURSES.map((course) => ({ id: newId(), course, dueAt: now + 30 * DAY }));
  await insertMany(client, 'assignment_rules', ['id', 'course_slug', 'department_id', 'scope_key', 'due_at', 'recur_months', 'created_by', 'created_at'], rules.map((r) => [r.id, r.course, null, '*', r.dueAt, 12, hr.id, now]));
  // due dates from 45 days ago to 75 days ahead, so every status appears in quantity
  const assignmentRows = people.flatMap((p) => rules.map((r) => [newId(), p.id, r.course, now + Math.floor((rand() * 120 - 45) * DAY), 12, r.id, hr.id, now]));

  const pools = new Map(COURSES.map((c) => [c, answerPool(c, rand)]));
  const completionRows: unknown[][] = [];
  function* attemptRows() {
    for (const p of people) {
      for (const course of COURSES) {
        const pool = pools.get(course)!;
        const tries = Math.max(0, Math.round(rand() * 2 * size.attemptsPerCourse)); // mean attemptsPerCourse
        let at = now - Math.floor((rand() * 420 + 5) * DAY);
        let completed = false;
        for (let n = 1; n <= tries; n++) {
          const a = pool[Math.floor(rand() * pool.length)]!;
          const id = newId();
          at += Math.floor(rand() * 2 * DAY);
          yield [id, p.id, course, a.version, 'en', a.answers, a.results, a.score, a.passed ? 1 : 0, n, Math.min(at, now)];
          if (a.passed && !completed && rand() < 0.8) {
            completed = true;
            const doneAt = Math.min(at, now);
            completionRows.push([newId(), p.id, course, a.version, id, a.score, doneAt, addMonths(doneAt, 12), `B-${id}`]);
          }
        }
      }
    }
  }
  const attempts = await insertMany(client, 'attempts', ['id', 'user_id', 'course_slug', 'course_version', 'locale', 'answers', 'results', 'score', 'passed', 'attempt_number', 'created_at'], attemptRows(), 300);
  const completions = await insertMany(client, 'completions', ['id', 'user_id', 'course_slug', 'course_version', 'attempt_id', 'score', 'completed_at', 'expires_at', 'certificate_number'], completionRows);
  const assignments = await insertMany(client, 'assignments', ['id', 'user_id', 'course_slug', 'due_at', 'recur_months', 'rule_id', 'assigned_by', 'created_at'], assignmentRows);
  await programmeHistory(client, { now, rand, auditorId: auditor.id, departments: depts.map((d) => d.id) });
  await client.execute('PRAGMA optimize');
  return {
    users: people.length + 2,
    departments: depts.length,
    assignments,
    attempts,
    completions,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    hrEmail: hr.email,
    hr: cookies[0]!,
    auditor: cookies[1]!,
    employees: cookies.slice(2),
  };
}

/**
 * A year of the audit programme for the evidence pack: daily training snapshots (completion rising
 * through the year) and two sites audited monthly, each audit with three corrective actions, most
 * verified within a month. Signed documents carry placeholder bytes: the pack reads only their codes.
 */
async function programmeHistory(client: Client, o: { now: number; rand: () => number; auditorId: string; departments: string[] }): Promise<void> {
  const { now, rand } = o;
  const snapshots: unknown[][] = [];
  for (let d = 365; d >= 1; d--) {
    const day = new Date(now - d * DAY).toISOString().slice(0, 10);
    const share = 0.5 + 0.4 * ((365 - d) / 365);
    for (const dept of [...o.departments, '*']) {
      const per = dept === '*' ? 500 * o.departments.length : 500;
      for (const course of [...COURSES, '*']) {
        const total = course === '*' ? per * COURSES.length : per;
        snapshots.push([day, dept, course, total, Math.round(total * share), Math.round(total * (1 - share) * 0.3), now - d * DAY]);
      }
    }
  }
  await insertMany(client, 'training_snapshots', ['day', 'department_key', 'course_slug', 'total', 'completed', 'overdue', 'taken_at'], snapshots);
  const sites = ['Head office', 'Records store'].map((name) => ({ id: newId(), name }));
  await insertMany(client, 'sites', ['id', 'name', 'address', 'active', 'created_at', 'updated_at'], sites.map((x) => [x.id, x.name, '', 1, now - 400 * DAY, now - 400 * DAY]));
  const docs: unknown[][] = [];
  const auditRows: unknown[][] = [];
  const actions: unknown[][] = [];
  const events: unknown[][] = [];
  for (let m = 12; m >= 1; m--) {
    for (const site of sites) {
      const id = newId();
      const signedAt = now - m * 30 * DAY;
      const reportId = newId();
      docs.push([reportId, 'audit_report', id, newId(40), `${newId(4)}-${newId(4)}-${newId(4)}`.toUpperCase(), 'Bench Auditor', signedAt, Buffer.from('placeholder')]);
      auditRows.push([id, 'records-destruction', 1, 'en', `Monthly audit ${m}`, site.name, site.id, o.auditorId, 'signed', signedAt - DAY, signedAt, 70 + Math.floor(rand() * 30), reportId]);
      for (const [i, severity] of (['critical', 'high', 'medium'] as const).entries()) {
        const actionId = newId();
        const verified = rand() < 0.8 && m > 1;
        actions.push([actionId, id, `rd-0${i + 1}`, `Fix rd-0${i + 1}`, severity, verified ? 'verified' : 'open', signedAt + 30 * DAY, o.auditorId, signedAt, signedAt]);
        if (verified) events.push([actionId, o.auditorId, signedAt + Math.floor(rand() * 28 + 1) * DAY, 'status', 'resolved', 'verified']);
      }
    }
  }
  await insertMany(client, 'signed_documents', ['id', 'kind', 'subject_id', 'sha256', 'verification_code', 'signer_name', 'signed_at', 'bytes'], docs);
  await insertMany(client, 'audits', ['id', 'checklist_slug', 'checklist_version', 'locale', 'title', 'site', 'site_id', 'auditor_id', 'status', 'created_at', 'signed_at', 'score', 'report_id'], auditRows);
  await insertMany(client, 'corrective_actions', ['id', 'audit_id', 'item_id', 'title', 'severity', 'status', 'due_at', 'created_by', 'created_at', 'updated_at'], actions);
  await insertMany(client, 'action_events', ['action_id', 'actor_id', 'at', 'kind', 'from_value', 'to_value'], events);
}
