import path from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

/** Applies the committed drizzle-kit migrations in db/migrations. */
export async function migrateDatabase(db: Db, migrationsFolder = path.resolve('db/migrations')): Promise<void> {
  await migrate(db, { migrationsFolder });
}
