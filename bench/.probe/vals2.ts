import { sql } from 'drizzle-orm';
import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { statusRowsSql } from '../../src/lib/training/hr-status-sql.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const db = drizzleFor(client);
const now = Date.now();
const src = sql`(${statusRowsSql({ now })})`;
const Q = {
  evalStatus: sql`SELECT count(*), sum(length(s."status")) FROM ${src} s`,
  evalAll: sql`SELECT count(*), sum(length(s."status")), sum(s."dueAt" % 1000), sum(length(s."email")), sum(length(s."name")), sum(length(s."department")), sum(s."completedAt" % 1000), sum(s."score"), sum(s."expiresAt" % 1000) FROM ${src} s`,
  fetchPlain: sql`SELECT a.id, a.user_id, a.course_slug, a.due_at, a.recur_months, a.rule_id, a.assigned_by, a.created_at, a.id FROM assignments a`,
  fetchAll: sql`SELECT s."email", s."name", s."department", s."course", s."status", s."dueAt", s."completedAt", s."score", s."expiresAt" FROM ${src} s`,
};
for (let i = 0; i < 3; i++) { const out: string[] = []; for (const [k, q] of Object.entries(Q)) { const c = process.cpuUsage(); await db.values(q); const u = process.cpuUsage(c); out.push(`${k} ${Math.round((u.user + u.system) / 1000)}`); } console.log(out.join(' | ')); }
const raw = await client.execute('SELECT a.id, a.user_id, a.course_slug, a.due_at, a.recur_months, a.rule_id, a.assigned_by, a.created_at, a.id FROM assignments a');
const c = process.cpuUsage(); await client.execute('SELECT a.id, a.user_id, a.course_slug, a.due_at, a.recur_months, a.rule_id, a.assigned_by, a.created_at, a.id FROM assignments a'); const u = process.cpuUsage(c); console.log('raw client plain', Math.round((u.user + u.system) / 1000), raw.rows.length);
client.close();
