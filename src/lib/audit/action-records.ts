// Reading and writing the rows every action operation shares: the action itself, its owner, its events.
import { and, eq, sql } from 'drizzle-orm';
import { actionEvents, correctiveActions, users } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { notFound, unprocessable } from '../errors.ts';
import { canReadAction } from './action-access.ts';
import type { ActionActor } from './action-transitions.ts';

export type Reader = Db | Tx;
export type ActionRow = typeof correctiveActions.$inferSelect;
export type NewActionEvent = Omit<typeof actionEvents.$inferInsert, 'id'>;

export const MAX_COMMENT_LENGTH = 5000;

/** The action, when this person may see it; 404 otherwise, so nobody learns which ids exist. */
export async function findReadableAction(db: Reader, actionId: string, actor: ActionActor): Promise<ActionRow> {
  const [row] = await db.select().from(correctiveActions).where(eq(correctiveActions.id, actionId));
  if (!row || !canReadAction(actor, row)) throw notFound('No such corrective action').as('error.noSuchAction');
  return row;
}

/** An active user by id or email (case-insensitive), to own an action; 422 when there is none. */
export async function findOwner(db: Reader, idOrEmail: string): Promise<{ id: string; name: string; email: string }> {
  const key = idOrEmail.trim();
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), key.includes('@') ? sql`lower(${users.email}) = ${key.toLowerCase()}` : eq(users.id, key)));
  if (!user) throw unprocessable(`No active user "${key}" to own the action`).as('error.noSuchOwner', { owner: key });
  return user;
}

/** A comment as stored: trimmed, null when empty; 422 when too long. */
export function cleanComment(text: string | null | undefined): string | null {
  if (text && text.length > MAX_COMMENT_LENGTH) throw unprocessable(`A comment is at most ${MAX_COMMENT_LENGTH} characters`).as('error.commentTooLong', { max: MAX_COMMENT_LENGTH });
  return text?.trim() || null;
}

/** Appends events; they are never updated or deleted afterwards. */
export async function addEvents(tx: Tx, events: NewActionEvent[]): Promise<void> {
  if (events.length > 0) await tx.insert(actionEvents).values(events);
}
