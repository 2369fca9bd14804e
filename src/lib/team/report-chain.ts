// Who reports to whom: a person's manager is another user (users.manager_id). The chain is walked
// in SQL with a recursive query, so "my team" includes reports of reports at any depth.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';

type Reader = Db | Tx;

/** The ids of everyone who reports to `managerId`, directly or through the chain (active or not). */
export async function reportIdsOf(db: Reader, managerId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`
    WITH RECURSIVE chain(id) AS (
      SELECT id FROM users WHERE manager_id = ${managerId}
      UNION
      SELECT u.id FROM users u JOIN chain c ON u.manager_id = c.id
    )
    SELECT id FROM chain WHERE id <> ${managerId}`);
  return rows.map((r) => r.id);
}

/** Whether `personId` reports to `managerId`, directly or through the chain. */
export async function isInChainOf(db: Reader, managerId: string, personId: string): Promise<boolean> {
  if (managerId === personId) return false;
  const rows = await db.all<{ id: string }>(sql`
    WITH RECURSIVE up(id, depth) AS (
      SELECT manager_id, 1 FROM users WHERE id = ${personId} AND manager_id IS NOT NULL
      UNION
      SELECT u.manager_id, up.depth + 1 FROM users u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL AND up.depth < 1000
    )
    SELECT id FROM up WHERE id = ${managerId} LIMIT 1`);
  return rows.length > 0;
}

/** The chain of managers above a person, nearest first (stops at a repeat, so a bad cycle cannot loop). */
export async function managersAbove(db: Reader, personId: string): Promise<string[]> {
  const rows = await db.all<{ id: string; depth: number }>(sql`
    WITH RECURSIVE up(id, depth) AS (
      SELECT manager_id, 1 FROM users WHERE id = ${personId} AND manager_id IS NOT NULL
      UNION
      SELECT u.manager_id, up.depth + 1 FROM users u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL AND up.depth < 1000
    )
    SELECT id, min(depth) AS depth FROM up GROUP BY id ORDER BY depth`);
  return rows.map((r) => r.id);
}
