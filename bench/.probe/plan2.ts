import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { openClient } from '../../src/lib/db/client.ts';
import { statusRowsSql, statusCondition } from '../../src/lib/training/hr-status-sql.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const d = new SQLiteSyncDialect();
const now = Date.now();
const after = sql`u.email >= ${"emp05000@bench.example"} AND (u.email > ${"emp05000@bench.example"} OR (u.email = ${'emp05000@bench.example'} AND a.course_slug > ${'confidentiality'}))`;
const q = d.sqlToQuery(sql`SELECT s."email", s."course" FROM (${statusRowsSql({ now, where: after })}) s WHERE ${statusCondition(undefined, now)} ORDER BY s."email", s."course" LIMIT 500`);
const plan = await client.execute({ sql: 'EXPLAIN QUERY PLAN ' + q.sql, args: q.params as never });
for (const r of plan.rows) console.log(r.detail);
for (let i = 0; i < 3; i++) { const t = performance.now(); await client.execute({ sql: q.sql, args: q.params as never }); console.log(Math.round(performance.now() - t), 'ms'); }
client.close();
