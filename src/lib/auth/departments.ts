import { eq } from 'drizzle-orm';
import { departments } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { newId } from '../ids.ts';

/** The department with this name, created if it does not exist yet. */
export async function ensureDepartment(tx: Tx, name: string): Promise<string> {
  const trimmed = name.trim();
  const [found] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.name, trimmed)).limit(1);
  if (found) return found.id;
  const id = newId();
  await tx.insert(departments).values({ id, name: trimmed, createdAt: Date.now() });
  return id;
}

/** All departments by name. */
export function listDepartments(db: Db) {
  return db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(departments.name);
}
