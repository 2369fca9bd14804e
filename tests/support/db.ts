// A fresh, migrated libSQL file in a temp folder, for tests of lib operations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzleFor, openClient, type Db } from '../../src/lib/db/client.ts';
import { migrateDatabase } from '../../src/lib/db/migrate.ts';

export async function tempDb(): Promise<{ db: Db; dir: string; close: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-db-'));
  const client = await openClient(`file:${path.join(dir, 'lms.db')}`);
  const db = drizzleFor(client);
  await migrateDatabase(db, path.resolve(import.meta.dirname, '../../db/migrations'));
  return { db, dir, close: () => client.close() };
}
