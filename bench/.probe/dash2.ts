import { sql } from 'drizzle-orm';
import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { statusRowsSql } from '../../src/lib/training/hr-status-sql.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const db = drizzleFor(client);
const now = Date.now();
const time = async (label: string, fn: () => Promise<unknown>) => { const t = performance.now(); const r = await fn(); console.log(label, Math.round(performance.now() - t), 'ms', Array.isArray(r) ? r.length : ''); };
for (let i = 0; i < 3; i++) {
  await time('matrix-mat', () => db.all(sql`WITH s AS MATERIALIZED (${statusRowsSql({ now })}) SELECT s."departmentId", s."course", count(*) AS "total", sum(CASE WHEN s."status" = 'completed' THEN 1 ELSE 0 END) AS "completed", sum(CASE WHEN s."status" IN ('assigned', 'in_progress', 'expired') THEN 1 ELSE 0 END) AS "due", sum(CASE WHEN s."status" = 'overdue' THEN 1 ELSE 0 END) AS "overdue" FROM s GROUP BY s."departmentId", s."course"`));
  await time('matrix-by-status', () => db.all(sql`SELECT s."departmentId", s."course", s."status", count(*) AS n FROM (${statusRowsSql({ now })}) s GROUP BY 1, 2, 3`));
  await time('combined', () => db.all(sql`WITH s AS MATERIALIZED (${statusRowsSql({ now })})
    SELECT 'cell' AS kind, s."departmentId", s."course", s."status", count(*) AS n, NULL AS "userId", NULL AS "dueAt" FROM s GROUP BY 2, 3, 4
    UNION ALL SELECT * FROM (SELECT 'overdue', s."departmentId", s."course", s."status", count(*) OVER (), s."userId", s."dueAt" FROM s WHERE s."status" = 'overdue' ORDER BY s."dueAt" LIMIT 50)
    UNION ALL SELECT * FROM (SELECT 'soon', s."departmentId", s."course", s."status", count(*) OVER (), s."userId", s."dueAt" FROM s WHERE s."status" IN ('assigned','in_progress','expired') AND s."dueAt" <= ${now + 14 * 86400000} ORDER BY s."dueAt" LIMIT 50)`));
  await time('list-mat', () => db.all(sql`WITH s AS MATERIALIZED (${statusRowsSql({ now })}) SELECT s.*, count(*) OVER () FROM s WHERE s."status" = 'overdue' ORDER BY s."dueAt" LIMIT 50`));
}
client.close();
