import { sql } from 'drizzle-orm';
import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { statusRowsSql } from '../../src/lib/training/hr-status-sql.ts';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
if (process.argv[3]) { await client.execute(process.argv[3]); await client.execute('ANALYZE'); }
const db = drizzleFor(client);
const now = Date.now();
const q = sql`SELECT count(*), sum(length(s."status")), sum(s."dueAt" % 1000), sum(s."score") FROM (${statusRowsSql({ now })}) s`;
const d = new SQLiteSyncDialect().sqlToQuery(q);
const plan = await client.execute({ sql: 'EXPLAIN QUERY PLAN ' + d.sql, args: d.params as never });
console.log(plan.rows.map((r) => r.detail).join('\n'));
for (let i = 0; i < 5; i++) { const c = process.cpuUsage(); await db.values(q); const u = process.cpuUsage(c); console.log(Math.round((u.user + u.system) / 1000)); }
client.close();
