// A real libSQL database in a temp directory, migrated, with users, for the audit operations' tests.
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import type { Role } from '../../../src/lib/auth/permissions.ts';
import { drizzleFor, openClient, type Db } from '../../../src/lib/db/client.ts';
import { migrateDatabase } from '../../../src/lib/db/migrate.ts';
import { newId } from '../../../src/lib/ids.ts';
import type { Actor } from '../../../src/lib/audit/audit-access.ts';

export type TestDb = { db: Db; dataDir: string; close: () => void; person: (role: Role) => Promise<Actor & { password: string }> };

export async function openTestDb(): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-audit-'));
  const client = await openClient(`file:${path.join(dataDir, 'lms.db')}`);
  const db = drizzleFor(client);
  await migrateDatabase(db, path.resolve('db/migrations'));
  return {
    db,
    dataDir,
    close: () => client.close(),
    person: async (role) => {
      const password = `pw-${newId(16)}`;
      const name = `Test ${role} ${newId(4)}`;
      const id = await createUser(db, { user: { email: `${role}-${newId(8)}@test.example`, name, role, department: undefined }, password, actor: systemActor });
      return { id, role, name, password };
    },
  };
}
