// A throwaway database with a generated organisation, for one benchmark run.
import fs from 'node:fs';
import path from 'node:path';
import { drizzleFor, openClient } from '../src/lib/db/client.ts';
import { migrateDatabase } from '../src/lib/db/migrate.ts';
import { root } from '../tests/support/server.ts';
import { buildDataset, type DatasetLogins, type DatasetSummary } from './build-dataset.ts';

export type Dataset = { summary: DatasetSummary & { dbMb: number }; logins: DatasetLogins };

/** Migrates a fresh database in `dir` and fills it with `employees` people in 20 departments. */
export async function makeDataset(dir: string, employees: number): Promise<Dataset> {
  console.log(`Building ${employees.toLocaleString('en')} employees in ${dir} …`);
  const file = path.join(dir, 'lms.db');
  const client = await openClient(`file:${file}`);
  await migrateDatabase(drizzleFor(client), path.join(root, 'db/migrations'));
  const data = await buildDataset(client, { employees, departments: 20, attemptsPerCourse: 10, sessions: 2000 });
  client.close();
  const dbMb = Math.round(fs.statSync(file).size / 1024 / 1024);
  const { hr, auditor, employees: people, ...summary } = data;
  console.log(`  ${summary.users} users, ${summary.assignments} assignments, ${summary.attempts} attempts, ${summary.completions} completions, ${dbMb} MB in ${summary.seconds} s`);
  return { summary: { ...summary, dbMb }, logins: { hrEmail: data.hrEmail, hr, auditor, employees: people } };
}
