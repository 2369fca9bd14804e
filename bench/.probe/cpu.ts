import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { getHrDashboard } from '../../src/lib/training/hr-dashboard.ts';
import { completionsStream } from '../../src/lib/training/hr-export-stream.ts';
import { pageExportRows } from '../../src/lib/training/hr-export-rows.ts';
import { questionStats } from '../../src/lib/training/question-stats.ts';
const client = await openClient(`file:${process.argv[2]}/lms.db`);
const db = drizzleFor(client);
const cpu = async (label: string, fn: () => Promise<unknown>) => { const c = process.cpuUsage(); const t = performance.now(); await fn(); const u = process.cpuUsage(c); console.log(label.padEnd(12), 'cpu', Math.round((u.user + u.system) / 1000), 'ms  wall', Math.round(performance.now() - t), 'ms'); };
for (let i = 0; i < 3; i++) {
  await cpu('dashboard', () => getHrDashboard({ db, locale: 'en', filters: {} }));
  await cpu('csv', () => new Response(completionsStream({ db, filters: {}, format: 'csv', pageSize: 2000 })).arrayBuffer());
  await cpu('csv-rows', async () => { let after = null; const now = Date.now(); for (;;) { const r = await pageExportRows({ db, filters: {}, now, after, limit: 2000 }); if (!r.length) break; const l = r[r.length - 1]!; after = { email: l.email, course: l.course }; } });
  await cpu('questions', () => questionStats({ db, courseSlug: 'confidentiality', locale: 'en' }));
}
client.close();
