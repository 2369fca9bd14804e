// The demo organisation: departments and a few people of every role, so a new install can be tried at once.
import { systemActor } from '../src/lib/auth/permissions.ts';
import { count } from 'drizzle-orm';
import { users } from './schema.ts';
import type { Db } from '../src/lib/db/client.ts';
import { createUser, generatePassword } from '../src/lib/auth/manage-users.ts';
import type { NewUser } from '../src/lib/auth/user-input.ts';

export const demoPeople: NewUser[] = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', department: 'Management' },
  { email: 'hr@example.com', name: 'Hannah Reyes', role: 'hr', department: 'Human Resources' },
  { email: 'auditor@example.com', name: 'Arthur Audit', role: 'auditor', department: 'Compliance' },
  { email: 'employee@example.com', name: 'Emma Employee', role: 'employee', department: 'Tax Services' },
  // Emma manages 李伟 and Omar, so the demo has a "My team"
  { email: 'li.wei@example.com', name: '李伟', role: 'employee', department: 'Tax Services', manager: 'employee@example.com' },
  { email: 'zhang.min@example.com', name: '张敏', role: 'employee', department: 'Company Formation' },
  { email: 'omar@example.com', name: 'Omar Farouk', role: 'employee', department: 'Records Office', manager: 'employee@example.com' },
  { email: 'sofia@example.com', name: 'Sofia Chen', role: 'employee', department: 'Company Formation' },
];

export type DemoLogin = { email: string; role: string; password: string };

/** Whether the database has no users yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

// Later areas add their demo data (assignments, an audit in progress) by registering here.
export type SeedExtension = (db: Db, people: Map<string, string>) => Promise<void>;
const extensions: SeedExtension[] = [];
/** Registers more demo data to add after the people exist (email → user id). */
export function addSeedExtension(fn: SeedExtension): void {
  extensions.push(fn);
}

/** Creates the demo organisation; returns the logins with their one-time passwords. */
export async function seedDemo(db: Db, o: { password?: (email: string) => string } = {}): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const ids = new Map<string, string>();
  for (const person of demoPeople) {
    const password = o.password?.(person.email) ?? generatePassword();
    ids.set(person.email, await createUser(db, { user: person, password, actor: systemActor }));
    logins.push({ email: person.email, role: person.role, password });
  }
  for (const extend of extensions) await extend(db, ids);
  return logins;
}
