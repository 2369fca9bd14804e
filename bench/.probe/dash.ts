import { sql } from 'drizzle-orm';
import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { statusRowsSql, statusCondition } from '../../src/lib/training/hr-status-sql.ts';
import { listHrPeople } from '../../src/lib/training/hr-people.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const db = drizzleFor(client);
const now = Date.now();
const time = async (label: string, fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); console.log(label, Math.round(performance.now() - t), 'ms'); };
for (let i = 0; i < 3; i++) {
  await time('matrix', () => db.all(sql`SELECT s."departmentId", s."course", count(*) AS "total", sum(CASE WHEN s."status" = 'completed' THEN 1 ELSE 0 END) AS "completed", sum(CASE WHEN s."status" IN ('assigned', 'in_progress', 'expired') THEN 1 ELSE 0 END) AS "due", sum(CASE WHEN s."status" = 'overdue' THEN 1 ELSE 0 END) AS "overdue" FROM (${statusRowsSql({ now })}) s GROUP BY s."departmentId", s."course"`));
  await time('allrows', () => db.all(sql`SELECT s."status" FROM (${statusRowsSql({ now })}) s`));
  await time('overdue', () => listHrPeople({ db, filters: { status: 'overdue' }, now, limit: 50 }));
  await time('soon', () => listHrPeople({ db, filters: { status: 'due_soon' }, now, limit: 50 }));
}
client.close();
