import { openClient } from '../../src/lib/db/client.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
if (process.argv[3] === 'create') await client.execute('CREATE INDEX IF NOT EXISTS completions_latest_idx ON completions (user_id, course_slug, completed_at, expires_at, score, id)');
const now = Date.now(); const grace = 30 * 86400000;
const st = `CASE WHEN c.id IS NULL THEN CASE WHEN ${now} > a.due_at THEN 'overdue' WHEN EXISTS (SELECT 1 FROM attempts t WHERE t.user_id = a.user_id AND t.course_slug = a.course_slug) OR EXISTS (SELECT 1 FROM lesson_progress p WHERE p.user_id = a.user_id AND p.course_slug = a.course_slug) THEN 'in_progress' ELSE 'assigned' END WHEN c.expires_at IS NULL OR c.expires_at > ${now} THEN 'completed' WHEN ${now} > c.expires_at + ${grace} THEN 'overdue' ELSE 'expired' END`;
const base = (join: string) => `WITH s AS MATERIALIZED (SELECT u.department_id AS dept, a.course_slug AS course, ${st} AS st, c.score, c.expires_at FROM assignments a JOIN users u ON u.id = a.user_id ${join} WHERE u.active = 1) SELECT dept, course, st, count(*), sum(score), max(expires_at) FROM s GROUP BY 1,2,3`;
const V = {
  idjoin: base(`LEFT JOIN completions c ON c.id = (SELECT c2.id FROM completions c2 WHERE c2.user_id = a.user_id AND c2.course_slug = a.course_slug ORDER BY c2.completed_at DESC LIMIT 1)`),
  maxjoin: base(`LEFT JOIN completions c ON c.user_id = a.user_id AND c.course_slug = a.course_slug AND c.completed_at = (SELECT max(c2.completed_at) FROM completions c2 WHERE c2.user_id = a.user_id AND c2.course_slug = a.course_slug)`),
};
for (let i = 0; i < 5; i++) { const out: string[] = []; for (const [k, q] of Object.entries(V)) { const c0 = process.cpuUsage(); await client.execute(q); const u = process.cpuUsage(c0); out.push(`${k} ${Math.round((u.user + u.system) / 1000)}`); } console.log(out.join(' | ')); }
for (const [k, q] of Object.entries(V)) { const p = await client.execute('EXPLAIN QUERY PLAN ' + q); console.log(k, p.rows.map((r) => r.detail).filter((d) => String(d).includes('c2') || String(d).includes(' c ')).join(' / ')); }
client.close();
