import { sql } from 'drizzle-orm';
import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { statusRowsSql } from '../../src/lib/training/hr-status-sql.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const db = drizzleFor(client);
const now = Date.now();
const q = sql`SELECT s."email", s."name", s."department", s."course", s."status", s."dueAt", s."completedAt", s."score", s."expiresAt" FROM (${statusRowsSql({ now })}) s ORDER BY s."email", s."course" LIMIT 30000`;
const qn = sql`SELECT count(*) FROM (SELECT s."email", s."name", s."department", s."course", s."status", s."dueAt", s."completedAt", s."score", s."expiresAt" FROM (${statusRowsSql({ now })}) s ORDER BY s."email", s."course" LIMIT 30000)`;
const cpu = async (label: string, fn: () => Promise<unknown>) => { const c = process.cpuUsage(); await fn(); const u = process.cpuUsage(c); console.log(label.padEnd(8), Math.round((u.user + u.system) / 1000), 'ms'); };
for (let i = 0; i < 3; i++) { await cpu('all', () => db.all(q)); await cpu('values', () => db.values(q)); await cpu('count', () => db.all(qn)); }
client.close();
