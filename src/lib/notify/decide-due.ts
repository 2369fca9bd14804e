// The scheduler's deciding half: streams assignments, managers' reports and corrective actions
// in pages (never the whole table in memory), asks the pure rules what is due and records it.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { RECERTIFICATION_GRACE_MS } from '../training/course-status.ts';
import {
  decideActionReminders,
  decideAssignmentReminders,
  decideManagerDigest,
  escalatesToManager,
  EXPIRY_NOTICE_DAYS,
  MANAGER_ESCALATION_DAYS,
  type AssignmentRow,
  type OverdueReport,
  type Reminder,
} from './decide-reminders.ts';
import { enqueueMany, type BulkNotification } from './enqueue-mail.ts';
import { DAY_MS } from './periods.ts';

type Digest = 'immediate' | 'daily';
export type DecideOptions = { now: number; pageSize?: number; stillMine?: () => Promise<boolean> };
export type DecideResult = { scanned: number; decided: number; queued: number };

type Row = AssignmentRow & { digest: Digest; managerDigest: Digest | null };

async function record(db: Db, reminders: { r: Reminder; digest: Digest }[], now: number): Promise<number> {
  if (reminders.length === 0) return 0;
  const items: BulkNotification[] = reminders.map(({ r, digest }) => ({ ...r, digest }));
  return writeTransaction(db, (tx) => enqueueMany(tx, items, now));
}

// What both passes read per assignment (a: assignment, u: its person, m: their manager), as the Row type.
const ROW_COLUMNS = sql.raw(`a.id AS "id", a.user_id AS "userId", m.id AS "managerId", u.name AS "personName", a.course_slug AS "courseSlug",
  a.due_at AS "dueAt", a.created_at AS "createdAt", a.completed_at AS "completedAt", a.expires_at AS "expiresAt",
  u.mail_digest AS "digest", m.mail_digest AS "managerDigest"`);

/** Records every reminder due at `now` (idempotent: dedup keys); returns counts. */
export async function decideDue(db: Db, o: DecideOptions): Promise<DecideResult> {
  const { now } = o;
  const size = o.pageSize ?? 1000;
  const res: DecideResult = { scanned: 0, decided: 0, queued: 0 };
  const soon = now + 14 * DAY_MS;
  const expirySoon = now + EXPIRY_NOTICE_DAYS * DAY_MS;

  // 1. assignments that may need a reminder: open and due within 14 days (or past), or expiring within 30
  let cursor = '';
  for (;;) {
    if (o.stillMine && !(await o.stillMine())) return res;
    const rows = await db.all<Row>(sql`
      SELECT ${ROW_COLUMNS}
      FROM assignments a
      JOIN users u ON u.id = a.user_id AND u.active = 1
      LEFT JOIN users m ON m.id = u.manager_id AND m.active = 1
      WHERE a.id > ${cursor}
        AND ((a.completion_id IS NULL AND a.due_at <= ${soon}) OR (a.expires_at IS NOT NULL AND a.expires_at <= ${expirySoon}))
      ORDER BY a.id LIMIT ${size}`);
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    res.scanned += rows.length;
    const due = rows.flatMap((row) => decideAssignmentReminders(row, now).map((r) => ({ r, digest: (r.to === row.userId ? row.digest : row.managerDigest) ?? 'immediate' })));
    res.decided += due.length;
    res.queued += await record(db, due, now);
  }

  // 2. one weekly digest per manager of their reports overdue by 7+ days, streamed manager by manager
  const late = now - MANAGER_ESCALATION_DAYS * DAY_MS;
  let after = { managerId: '', id: '' };
  type Group = { managerId: string; digest: Digest; reports: OverdueReport[] };
  const state: { current: Group | null } = { current: null };
  const batch: { r: Reminder; digest: Digest }[] = [];
  const flush = () => {
    const g = state.current;
    if (!g) return;
    const digest = decideManagerDigest(g.managerId, g.reports, now);
    if (digest) batch.push({ r: digest, digest: g.digest });
  };
  for (;;) {
    if (o.stillMine && !(await o.stillMine())) return res;
    const rows = await db.all<Row>(sql`
      SELECT ${ROW_COLUMNS}
      FROM users m
      JOIN users u ON u.manager_id = m.id AND u.active = 1
      JOIN assignments a ON a.user_id = u.id
      WHERE m.active = 1 AND (m.id > ${after.managerId} OR (m.id = ${after.managerId} AND a.id > ${after.id}))
        AND ((a.completion_id IS NULL AND a.due_at <= ${late}) OR (a.expires_at IS NOT NULL AND a.expires_at + ${RECERTIFICATION_GRACE_MS} <= ${late}))
      ORDER BY m.id, a.id LIMIT ${size}`);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    after = { managerId: last.managerId!, id: last.id };
    res.scanned += rows.length;
    for (const row of rows) {
      if (state.current?.managerId !== row.managerId) {
        flush();
        state.current = { managerId: row.managerId!, digest: row.managerDigest ?? 'immediate', reports: [] };
      }
      const overdue = escalatesToManager(row, now);
      if (overdue) state.current.reports.push({ person: row.personName, courseSlug: row.courseSlug, ...overdue });
    }
    if (batch.length >= 100) {
      res.decided += batch.length;
      res.queued += await record(db, batch.splice(0), now);
    }
  }
  flush();
  res.decided += batch.length;
  res.queued += await record(db, batch.splice(0), now);

  // 3. open corrective actions with an owner, due within 3 days or overdue
  cursor = '';
  for (;;) {
    if (o.stillMine && !(await o.stillMine())) return res;
    const rows = await db.all<{ id: string; title: string; ownerId: string; status: string; dueAt: number; digest: Digest }>(sql`
      SELECT c.id AS "id", c.title AS "title", c.owner_id AS "ownerId", c.status AS "status", c.due_at AS "dueAt", o.mail_digest AS "digest"
      FROM corrective_actions c JOIN users o ON o.id = c.owner_id AND o.active = 1
      WHERE c.status IN ('open', 'in_progress') AND c.due_at <= ${now + 3 * DAY_MS} AND c.id > ${cursor}
      ORDER BY c.id LIMIT ${size}`);
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    res.scanned += rows.length;
    const due = rows.flatMap((row) => decideActionReminders(row, now).map((r) => ({ r, digest: row.digest })));
    res.decided += due.length;
    res.queued += await record(db, due, now);
  }
  return res;
}
