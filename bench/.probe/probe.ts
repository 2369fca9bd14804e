import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzleFor, openClient } from '../../src/lib/db/client.ts';
import { migrateDatabase } from '../../src/lib/db/migrate.ts';
import { buildDataset } from '../build-dataset.ts';
import { getHrDashboard } from '../../src/lib/training/hr-dashboard.ts';
import { completionsStream } from '../../src/lib/training/hr-export-stream.ts';
import { questionStats } from '../../src/lib/training/question-stats.ts';
import { statusRowsSql } from '../../src/lib/training/hr-status-sql.ts';
const dir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lms-probe-'));
const file = path.join(dir, 'lms.db');
const fresh = !fs.existsSync(file);
const client = await openClient(`file:${file}`);
const db = drizzleFor(client);
if (fresh) { await migrateDatabase(db, path.resolve('db/migrations')); console.log(await buildDataset(client, { employees: 10000, departments: 20, attemptsPerCourse: 10 })); }
console.log(dir, (fs.statSync(file).size / 1e6).toFixed(1), 'MB');
const time = async (label: string, fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); console.log(label, Math.round(performance.now() - t), 'ms'); };
for (let i = 0; i < 2; i++) {
  await time('dashboard', () => getHrDashboard({ db, locale: 'en', filters: {} }));
  await time('csv', async () => { const b = await new Response(completionsStream({ db, filters: {}, format: 'csv' })).arrayBuffer(); console.log(' bytes', b.byteLength); });
  await time('questions', () => questionStats({ db, courseSlug: 'confidentiality', locale: 'en' }));
}
const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${'SELECT * FROM (' } x)`.replace('x', 'SELECT 1'), args: [] });
client.close();
