import { sql } from 'drizzle-orm';
import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { statusRowsSql } from '../../src/lib/training/hr-status-sql.ts';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const db = drizzleFor(client);
const d = new SQLiteSyncDialect();
const now = Date.now();
const q = (s: ReturnType<typeof sql>) => d.sqlToQuery(s);
const matrix = q(sql`SELECT s."departmentId", s."course", count(*), sum(CASE WHEN s."status"='completed' THEN 1 ELSE 0 END) FROM (${statusRowsSql({ now })}) s GROUP BY s."departmentId", s."course"`);
for (const [label, query] of [['matrix', matrix], ['rows', q(sql`SELECT count(*) FROM (${statusRowsSql({ now })}) s`)], ['plain', q(sql`SELECT count(*) FROM assignments a JOIN users u ON u.id=a.user_id`)],
  ['latest', q(sql`SELECT count(*) FROM assignments a LEFT JOIN completions c ON c.id = (SELECT c2.id FROM completions c2 WHERE c2.user_id = a.user_id AND c2.course_slug = a.course_slug ORDER BY c2.completed_at DESC LIMIT 1)`)],
  ['exists', q(sql`SELECT count(*) FROM assignments a WHERE EXISTS (SELECT 1 FROM attempts t WHERE t.user_id = a.user_id AND t.course_slug = a.course_slug)`)]] as const) {
  const plan = await client.execute({ sql: 'EXPLAIN QUERY PLAN ' + query.sql, args: query.params as never });
  const t = performance.now();
  await client.execute({ sql: query.sql, args: query.params as never });
  console.log(label, Math.round(performance.now() - t), 'ms');
  if (label === 'matrix') for (const r of plan.rows) console.log('   ', r.detail);
}
client.close();
