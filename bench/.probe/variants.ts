import { openClient } from '../../src/lib/db/client.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const now = Date.now();
const V: Record<string, string> = {
  idjoin: `SELECT count(*), sum(c.expires_at > ${now}) FROM assignments a JOIN users u ON u.id=a.user_id LEFT JOIN completions c ON c.id = (SELECT c2.id FROM completions c2 WHERE c2.user_id = a.user_id AND c2.course_slug = a.course_slug ORDER BY c2.completed_at DESC LIMIT 1)`,
  maxjoin: `SELECT count(*), sum(c.expires_at > ${now}) FROM assignments a JOIN users u ON u.id=a.user_id LEFT JOIN completions c ON c.user_id = a.user_id AND c.course_slug = a.course_slug AND c.completed_at = (SELECT max(c2.completed_at) FROM completions c2 WHERE c2.user_id = a.user_id AND c2.course_slug = a.course_slug)`,
  cte: `WITH latest AS (SELECT user_id, course_slug, max(completed_at) AS completed_at, expires_at, id, score FROM completions GROUP BY user_id, course_slug) SELECT count(*), sum(c.expires_at > ${now}) FROM assignments a JOIN users u ON u.id=a.user_id LEFT JOIN latest c ON c.user_id = a.user_id AND c.course_slug = a.course_slug`,
  exists: `SELECT count(*) FROM assignments a WHERE EXISTS (SELECT 1 FROM attempts t WHERE t.user_id = a.user_id AND t.course_slug = a.course_slug)`,
  scanUsersByDept: `SELECT count(*) FROM users u JOIN assignments a ON a.user_id = u.id WHERE u.active = 1`,
};
for (let i = 0; i < 2; i++) for (const [k, q] of Object.entries(V)) { const t = performance.now(); const r = await client.execute(q); console.log(k, Math.round(performance.now() - t), 'ms', JSON.stringify(r.rows[0])); }
client.close();
