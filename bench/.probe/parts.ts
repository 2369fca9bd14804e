import { openClient } from '../../src/lib/db/client.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const now = Date.now(); const grace = 30 * 86400000;
const status = (exists: boolean) => `CASE WHEN c.id IS NULL THEN CASE WHEN ${now} > a.due_at THEN 'overdue' ${exists ? `WHEN EXISTS (SELECT 1 FROM attempts t WHERE t.user_id = a.user_id AND t.course_slug = a.course_slug) OR EXISTS (SELECT 1 FROM lesson_progress p WHERE p.user_id = a.user_id AND p.course_slug = a.course_slug) THEN 'in_progress'` : ''} ELSE 'assigned' END WHEN c.expires_at IS NULL OR c.expires_at > ${now} THEN 'completed' WHEN ${now} > c.expires_at + ${grace} THEN 'overdue' ELSE 'expired' END`;
const latest = `LEFT JOIN completions c ON c.id = (SELECT c2.id FROM completions c2 WHERE c2.user_id = a.user_id AND c2.course_slug = a.course_slug ORDER BY c2.completed_at DESC LIMIT 1)`;
const V: Record<string, string> = {
  full: `SELECT u.department_id, a.course_slug, ${status(true)} AS st, count(*) FROM assignments a JOIN users u ON u.id = a.user_id LEFT JOIN departments d ON d.id = u.department_id ${latest} WHERE u.active = 1 GROUP BY 1,2,3`,
  noExists: `SELECT u.department_id, a.course_slug, ${status(false)} AS st, count(*) FROM assignments a JOIN users u ON u.id = a.user_id ${latest} WHERE u.active = 1 GROUP BY 1,2,3`,
  noGroup: `SELECT count(*) FROM (SELECT ${status(true)} AS st FROM assignments a JOIN users u ON u.id = a.user_id ${latest} WHERE u.active = 1)`,
  joinOnly: `SELECT count(c.id) FROM assignments a JOIN users u ON u.id = a.user_id ${latest} WHERE u.active = 1`,
};
for (let i = 0; i < 4; i++) { const out: string[] = []; for (const [k, q] of Object.entries(V)) { const t = performance.now(); await client.execute(q); out.push(`${k} ${Math.round(performance.now() - t)}`); } console.log(out.join(' | ')); }
client.close();
const c2 = await openClient(`file:${process.argv[2]}/lms.db`);
const inner = `SELECT u.department_id AS dept, a.course_slug AS course, ${status(true)} AS st, a.due_at AS due FROM assignments a JOIN users u ON u.id = a.user_id ${latest} WHERE u.active = 1`;
const W: Record<string, string> = {
  matGroup: `WITH s AS MATERIALIZED (${inner}) SELECT dept, course, st, count(*) FROM s GROUP BY 1,2,3`,
  matSums: `WITH s AS MATERIALIZED (${inner}) SELECT dept, course, count(*), sum(st='completed'), sum(st='overdue'), sum(st IN ('assigned','in_progress','expired')) FROM s GROUP BY 1,2`,
  flatSums: `SELECT dept, course, count(*), sum(st='completed'), sum(st='overdue'), sum(st IN ('assigned','in_progress','expired')) FROM (${inner}) GROUP BY 1,2`,
  noGroup: `SELECT count(*) FROM (${inner})`,
};
for (let i = 0; i < 6; i++) { const out: string[] = []; for (const [k, q] of Object.entries(W)) { const t = performance.now(); await c2.execute(q); out.push(`${k} ${Math.round(performance.now() - t)}`); } console.log(out.join(' | ')); }
